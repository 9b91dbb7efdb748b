"""Serve public uploads (logos, photos, public PDFs) safely when no web server sits in front.

Only the types public storage keeps are served, chosen by extension from the type table:
images inline, PDFs as downloads, always with `nosniff` and a sandboxing CSP; any other name
(an `.html`, `.svg` or `.php` that reached the folder by some other way than the storage) is a
404, never text/html. Production puts nginx or S3 in front of /media/ with the same rules
(deploy/nginx/balai.conf).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpRequest
from django.utils._os import safe_join

from balai.lib.uploads import BY_EXTENSION, JPEG, PUBLIC_TYPES, FileType

SERVED: dict[str, FileType] = {
    ext: t for ext, t in BY_EXTENSION.items() if t.mime in PUBLIC_TYPES
} | {"jpeg": JPEG}


def serve_media(request: HttpRequest, path: str) -> FileResponse:
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation as exc:
        raise Http404 from exc
    served = SERVED.get(full.suffix.lower().lstrip("."))
    if served is None or not full.is_file():
        raise Http404
    response = FileResponse(
        full.open("rb"),
        content_type=served.mime,
        as_attachment=not served.inline,
        filename=full.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
