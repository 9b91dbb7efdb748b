"""The S3 storages (when S3_BUCKET is set): the same check and names as on disk, and the
object's Content-Type is the detected type, never the one the browser sent.

S3 cannot send `X-Content-Type-Options: nosniff`, so the stored type must be right: it is
taken from the (checked) extension through the one type table, and every object that is not an
image in public media is stored with `Content-Disposition: attachment`, so a browser downloads
it instead of rendering it. Imported only when a bucket is configured.
"""

from __future__ import annotations

from typing import Any

from storages.backends.s3 import S3Storage

from balai.lib.storage import checked_save
from balai.lib.uploads import BY_EXTENSION, PRIVATE_TYPES, PUBLIC_TYPES


class CheckedS3Storage(S3Storage):
    accepted: frozenset[str] = PUBLIC_TYPES
    inline_images = True

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        name, content = checked_save(self, name, content, self.accepted)
        saved: str = super().save(name, content, max_length=max_length)
        return saved

    def get_object_parameters(self, name: str) -> dict[str, Any]:
        params: dict[str, Any] = dict(super().get_object_parameters(name))
        found = BY_EXTENSION.get(name.rsplit(".", 1)[-1].lower())
        params["ContentType"] = found.mime if found else "application/octet-stream"
        params.pop("ContentEncoding", None)
        if not (found and found.inline and self.inline_images):
            params["ContentDisposition"] = "attachment"
        return params


class PublicS3Storage(CheckedS3Storage):
    """Public media in the bucket (`STORAGES["default"]` when S3_BUCKET is set)."""

    accepted = PUBLIC_TYPES


class PrivateS3Storage(CheckedS3Storage):
    """Private files in the bucket: under `private/`, private ACL, signed URLs, downloads only."""

    accepted = PRIVATE_TYPES
    inline_images = False

    def __init__(self, **settings: Any) -> None:
        settings.setdefault("location", "private")
        settings.setdefault("querystring_auth", True)
        settings.setdefault("default_acl", "private")
        super().__init__(**settings)
