"""Where uploads are kept, and the rule every stored file obeys, whatever field or code saves it.

Two storages: public media (logos, photos, public PDFs; served under /media/ or from the bucket)
and private storage (request letters, transfer proofs, PPID answers, help screenshots, import
spreadsheets, backups; served only through views that check the person's role). Both check the
bytes of every file at save time (`lib/uploads.inspect_file`) and store it as
`<folder>/<32 hex>.<extension of the detected type>`: the folder comes from the field's
`upload_to`, the extension from the content, nothing from the uploader. A 32-hex stem already
given (a random name, a backup being restored, a demo picture) is kept; anything else becomes a
fresh random one. A file of a type the storage does not keep (HTML, SVG, a script, a PDF with
JavaScript) raises UploadError and nothing is written.

With S3 (`lib/s3.py`) the same classes store the detected type as the object's Content-Type and
everything but an image in public media as an attachment, never the type the browser sent.

`working_storage()` is the one way around the check, for files the server writes for itself and
never serves (an import's parsed rows); no model field may use it (a test walks them all).
"""

from __future__ import annotations

import contextlib
import hashlib
import posixpath
import re
import uuid
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.db import transaction

from balai.lib.uploads import PRIVATE_TYPES, PUBLIC_TYPES, EncodedImage, FileType, inspect_file

_STEM = re.compile(r"[0-9a-f]{32}")


def stored_name(name: str, found: FileType) -> str:
    """`folder/<32 hex>.<ext>` for a requested name and the detected type."""
    folder, base = posixpath.split(name.replace("\\", "/"))
    stem = base.split(".", 1)[0]
    if not _STEM.fullmatch(stem):
        stem = uuid.uuid4().hex
    return posixpath.join(folder, f"{stem}.{found.extension}")


def checked_save(
    storage: Any, name: str | None, content: Any, accepted: frozenset[str]
) -> tuple[str, Any]:
    """Inspect `content` and give the name it is stored under (shared by the storages)."""
    if not hasattr(content, "chunks"):
        content = File(content, name)
    found = inspect_file(content, allowed=accepted, sized=False)
    content.seek(0)
    return stored_name(name or content.name or "", found), content


class CheckedFileSystemStorage(FileSystemStorage):
    """A FileSystemStorage that keeps only the `accepted` types, under safe names."""

    accepted: frozenset[str] = PUBLIC_TYPES

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        name, content = checked_save(self, name, content, self.accepted)
        return super().save(name, content, max_length=max_length)


class PublicStorage(CheckedFileSystemStorage):
    """MEDIA_ROOT: images and PDFs, served to anyone (`STORAGES["default"]`)."""

    accepted = PUBLIC_TYPES


class PrivateStorage(CheckedFileSystemStorage):
    """PRIVATE_MEDIA_ROOT: never under a URL of its own."""

    accepted = PRIVATE_TYPES


def private_storage() -> Storage:
    """Files that must not be public (request letters, personal documents, imports)."""
    if settings.AWS_STORAGE_BUCKET_NAME:
        from balai.lib.s3 import PrivateS3Storage

        return PrivateS3Storage()
    return PrivateStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def working_storage() -> Storage:
    """Private files the server writes for itself and never serves: not checked as uploads."""
    if settings.AWS_STORAGE_BUCKET_NAME:
        from storages.backends.s3 import S3Storage

        return S3Storage(location="private", querystring_auth=True, default_acl="private")
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def checks_uploads(storage: Storage) -> bool:
    """True when the storage inspects and renames what it saves (every model field's must)."""
    return isinstance(getattr(storage, "accepted", None), frozenset)


def random_upload_name(folder: str, filename: str = "") -> str:
    """`upload_to` for every file field: `folder/<random>`; the storage adds the extension of
    the detected type. The uploader's file name is ignored."""
    return f"{folder}/{uuid.uuid4().hex}"


def fixed_name(folder: str, key: str, extension: str) -> str:
    """A stable name in the stored form, for a file the server draws itself and shares between
    rows (the demo's pictures): the same `key` always gives the same name."""
    return f"{folder}/{hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()}.{extension}"


def image_store(field: Any, image: EncodedImage) -> None:
    """Put a re-encoded image on a file field (unsaved row); the storage names the file
    <random>.<type detected from its bytes>."""
    field.save(f"upload.{image.extension}", ContentFile(image.content), save=False)


def delete_on_commit(storage: Storage, name: str | None) -> None:
    """Remove a replaced or orphaned file once the transaction that let go of it commits (never
    before: a rollback would leave the row pointing at nothing). A storage that fails to delete
    leaves a stray file, never an error on a request whose change is already saved."""
    if not name:
        return

    def _delete() -> None:
        with contextlib.suppress(OSError):
            storage.delete(name)

    transaction.on_commit(_delete)
