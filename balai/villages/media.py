"""Serve public uploads (logos, photos) safely when no web server sits in front.

Only images are served inline, always with nosniff; anything else is a download. Production
puts nginx or S3 in front of /media/ with the same rules (docs/deploy.md).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpRequest
from django.utils._os import safe_join

INLINE_TYPES = {"image/jpeg", "image/png", "image/webp"}


def serve_media(request: HttpRequest, path: str) -> FileResponse:
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation as exc:
        raise Http404 from exc
    if not full.is_file():
        raise Http404
    content_type = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
    inline = content_type in INLINE_TYPES
    response = FileResponse(
        full.open("rb"),
        content_type=content_type if inline else "application/octet-stream",
        as_attachment=not inline,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
