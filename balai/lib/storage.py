"""Where files that must not be public (request letters, later personal documents) are kept."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage


def private_storage() -> Storage:
    if settings.AWS_STORAGE_BUCKET_NAME:
        from storages.backends.s3 import S3Storage

        return S3Storage(location="private", querystring_auth=True, default_acl="private")
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def random_upload_name(folder: str, filename: str) -> str:
    """`folder/<random>.<ext>`: the uploader's file name never reaches the disk or a URL."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{folder}/{uuid.uuid4().hex}.{ext}"
