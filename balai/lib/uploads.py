"""Checks on uploaded files by their bytes, never their names, and safe re-encoding of images.

Used by every upload form: request letters (PDF/JPEG/PNG), logos and photos (JPEG/PNG/WebP).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAGIC = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/webp": (b"RIFF",),
}
IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp"}
EXTENSIONS = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
}
Image.MAX_IMAGE_PIXELS = 40_000_000  # a decompression bomb is refused, not decoded


class UploadError(ValueError):
    """The file is not what it must be; the message is for the person who uploaded it."""


def sniff(head: bytes) -> str | None:
    for content_type, prefixes in MAGIC.items():
        if any(head.startswith(p) for p in prefixes):
            if content_type == "image/webp" and head[8:12] != b"WEBP":
                continue
            return content_type
    return None


def check_upload(upload, *, allowed: set[str], max_bytes: int) -> str:
    """Return the real content type of an uploaded file, or raise UploadError (in Indonesian)."""
    from django.template.defaultfilters import filesizeformat
    from django.utils.translation import gettext as _

    if upload.size > max_bytes:
        raise UploadError(
            _("Berkas terlalu besar (%(size)s). Batasnya %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)}
        )
    if upload.size == 0:
        raise UploadError(_("Berkas kosong. Pilih berkas lain."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head)
    if content_type not in allowed:
        names = ", ".join(sorted(EXTENSIONS[t].upper() for t in allowed))
        raise UploadError(
            _("Berkas ini bukan %(types)s yang sah. Pilih berkas lain.") % {"types": names}
        )
    if content_type == "application/pdf":
        tail = upload.read()[-2048:]
        upload.seek(0)
        if b"%%EOF" not in tail:
            raise UploadError(_("Berkas PDF ini rusak atau tidak lengkap. Pilih berkas lain."))
    elif content_type in IMAGE_TYPES:
        try:
            with Image.open(upload) as img:
                img.verify()
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
            raise UploadError(
                _("Gambar ini rusak atau tidak dapat dibaca. Pilih berkas lain.")
            ) from exc
        finally:
            upload.seek(0)
    return content_type


@dataclass
class EncodedImage:
    content: bytes
    extension: str
    width: int
    height: int


def reencode_image(upload, *, max_side: int = 1600, square: bool = False) -> EncodedImage:
    """Decode and re-encode an image: EXIF (with GPS) dropped, rotated upright, resized.

    Re-encoding means whatever else hid in the file (scripts, polyglots) does not survive.
    """
    upload.seek(0)
    with Image.open(upload) as img:
        img = ImageOps.exif_transpose(img)
        has_alpha = img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info)
        img = img.convert("RGBA" if has_alpha else "RGB")
        if square:
            img = ImageOps.fit(img, (min(max_side, *img.size),) * 2)
        img.thumbnail((max_side, max_side))
        out = io.BytesIO()
        if has_alpha:
            img.save(out, "PNG", optimize=True)
            ext = "png"
        else:
            img.save(out, "JPEG", quality=82, optimize=True, progressive=True)
            ext = "jpg"
        return EncodedImage(out.getvalue(), ext, img.width, img.height)
