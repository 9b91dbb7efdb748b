"""What an uploaded file is, told by its bytes and never by its name, and whether it is safe to
keep: the one table of accepted types, size and pixel limits, and safe re-encoding of images.

Every upload passes here twice. The form checks it with `check_upload` (a message in plain
Indonesian beside the field) and images are re-encoded with `reencode_image` (EXIF, GPS and
anything hidden in the file gone). Then the storage checks it again when it is saved
(`lib/storage.py`) and names it `<folder>/<random>.<extension of the detected type>`, so no
upload field, old or new, can keep an uploader's name or extension.

PDFs are checked structurally and refused with active content (`lib/pdf.py`). Images are
refused above a pixel limit read from their header, before anything is decoded.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from balai.lib.dumps import is_sql_dump, is_wxr
from balai.lib.pdf import PdfRefused, pdf_check

MB = 1024 * 1024


@dataclass(frozen=True)
class FileType:
    """A type Balai keeps: its MIME type, the extension it is stored with, its name in
    messages, and whether a browser may show it (images) or must download it (everything
    else)."""

    mime: str
    extension: str
    label: str
    inline: bool = False


JPEG = FileType("image/jpeg", "jpg", "JPG", inline=True)
PNG = FileType("image/png", "png", "PNG", inline=True)
WEBP = FileType("image/webp", "webp", "WebP", inline=True)
PDF = FileType("application/pdf", "pdf", "PDF")
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX")
XLS = FileType("application/vnd.ms-excel", "xls", "XLS")
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", "ods", "ODS")
CSV = FileType("text/csv", "csv", "CSV")
ZIP = FileType("application/zip", "zip", "ZIP")
# A database dump (OpenSID's backup) as it is downloaded, or gzipped: private storage only.
SQL = FileType("application/sql", "sql", "SQL")
GZIP = FileType("application/gzip", "gz", "GZ")
# WordPress's export (WXR, Tools → Export): private storage only, read by the move.
WXR = FileType("application/rss+xml", "xml", "XML")

TYPES: dict[str, FileType] = {
    t.mime: t for t in (JPEG, PNG, WEBP, PDF, XLSX, XLS, ODS, CSV, ZIP, SQL, GZIP, WXR)
}
BY_EXTENSION: dict[str, FileType] = {t.extension: t for t in TYPES.values()}
EXTENSIONS: dict[str, str] = {t.mime: t.extension for t in TYPES.values()}

IMAGE_TYPES = frozenset({JPEG.mime, PNG.mime, WEBP.mime})
DOCUMENT_TYPES = IMAGE_TYPES | {PDF.mime}  # a letter, a scan, a proof: PDF or a photo of it
SPREADSHEET_TYPES = frozenset({XLSX.mime, XLS.mime, ODS.mime, CSV.mime})
# Under /media/ (served to anyone): images and PDFs only. Private storage also keeps the
# spreadsheets of imports and the zip archives of backups; it is served only through views.
PUBLIC_TYPES = DOCUMENT_TYPES
DUMP_TYPES = frozenset({SQL.mime, GZIP.mime})
PRIVATE_TYPES = DOCUMENT_TYPES | SPREADSHEET_TYPES | {ZIP.mime} | DUMP_TYPES | {WXR.mime}

# The one table of upload limits, by detected type (before: 5 MB for a logo, 8 MB for a shop
# photo, 15 MB for a news photo, 5 MB for a letter…). Every image field, whatever it is for, has
# the one limit of settings.UPLOAD_MAX_IMAGE_MB (`image_max_bytes`): a photo straight from a
# phone camera is 3–6 MB at 12 MP and up to ~20 MB at 50 MP, and the browser's script scales it
# to a few hundred KB before sending. A scanned or exported PDF stays well under 10 MB.
# Spreadsheets are the imports' limit. nginx's client_max_body_size (deploy/nginx/balai.conf)
# must be at least the largest (balai/tests/test_deploy_nginx.py checks it).
MAX_BYTES: dict[str, int] = {
    PDF.mime: 10 * MB,
    XLSX.mime: 50 * MB,
    XLS.mime: 50 * MB,
    ODS.mime: 50 * MB,
    CSV.mime: 50 * MB,
    ZIP.mime: 50 * MB,
    SQL.mime: 50 * MB,
    GZIP.mime: 50 * MB,
    WXR.mime: 50 * MB,
}


def image_max_bytes() -> int:
    """The byte limit of every image (JPEG, PNG, WebP), from settings.UPLOAD_MAX_IMAGE_MB."""
    limit_mb: int = getattr(settings, "UPLOAD_MAX_IMAGE_MB", 20)
    return limit_mb * MB


def max_bytes(mime: str) -> int:
    """The byte limit of a type: the images' setting, or the table's."""
    return image_max_bytes() if mime in IMAGE_TYPES else MAX_BYTES[mime]


# Pixels, read from the header before anything is decoded. A JPEG is decoded at a reduced scale
# (`draft`), so even a 50 MP phone photo (8160 × 6120) costs ~15 MB to re-encode: the limit
# (settings.UPLOAD_MAX_PIXELS, 52 MP by default) lets every phone's full-resolution photo in.
# PNG and WebP are decoded whole, at 4 bytes a pixel, and no camera makes them: screenshots and
# drawings (a 4K screen is 8.3 MP) stay under 12 MP.
LOSSLESS_MAX_PIXELS = 12_000_000


def max_pixels(mime: str) -> int:
    photo_limit: int = getattr(settings, "UPLOAD_MAX_PIXELS", 52_000_000)
    return photo_limit if mime == JPEG.mime else min(photo_limit, LOSSLESS_MAX_PIXELS)


# Pillow's own guard stays as a second line: it refuses (DecompressionBombError) what is twice
# over this, should anything ever open an image without `image_check`.
Image.MAX_IMAGE_PIXELS = 52_000_000
_PIL_FORMATS = {JPEG.mime: "JPEG", PNG.mime: "PNG", WEBP.mime: "WEBP"}


class UploadError(ValueError):
    """The file is not what it must be; the message is for the person who uploaded it."""


class Readable(Protocol):
    """An upload or a Django File: something with a size that can be read and rewound."""

    size: int

    def read(self, n: int = ..., /) -> bytes: ...

    def seek(self, offset: int, whence: int = ..., /) -> int: ...

    def tell(self) -> int: ...


def _labels(allowed: Collection[str]) -> str:
    labels = [TYPES[m].label for m in sorted(allowed, key=lambda m: TYPES[m].label)]
    if len(labels) == 1:
        return labels[0]
    return _("%(first)s atau %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


def _upload_hint(allowed: Collection[str]) -> str:
    by_limit: dict[int, list[str]] = {}
    for mime in allowed:
        by_limit.setdefault(max_bytes(mime), []).append(mime)
    return "; ".join(
        _("%(types)s, paling besar %(size)s") % {"types": _labels(group), "size": _size(limit)}
        for limit, group in sorted(by_limit.items())
    )


upload_hint = lazy(_upload_hint, str)
"""The help text of an upload field, from the table: `JPG, PNG atau WebP, paling besar 20 MB`."""


def _size(size: int) -> str:
    """`20 MB` for a limit, `21,3 MB` for a file's size."""
    if size % MB == 0:
        return f"{size // MB} MB"
    return str(filesizeformat(size)).replace("\xa0", " ")


def sniff(head: bytes) -> FileType | None:
    """The type told by the first bytes alone (zip-based and text types need `detect`)."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return XLS
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return ZIP
    if head.startswith(b"\x1f\x8b"):
        return GZIP
    return None


_MARKUP = (b"<!doctype", b"<html", b"<script", b"<?php", b"<svg", b"<?xml", b"<body", b"<iframe")


def _text_type(head: bytes) -> FileType | None:
    """CSV: text without NUL bytes in UTF-8 (or the Windows code page), and not markup."""
    if not head or b"\x00" in head:
        return None
    lowered = head.lower()
    if is_wxr(head) and b"<!DOCTYPE" not in head and b"<!ENTITY" not in head:
        return WXR  # other XML and HTML stay refused
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") or any(m in lowered for m in _MARKUP):
        return None
    if is_sql_dump(head):
        return SQL
    for cut in (0, 1, 2, 3):  # a multi-byte character cut by the sample is still text
        try:
            head[: len(head) - cut].decode("utf-8")
            return CSV
        except UnicodeDecodeError:
            continue
    try:
        head.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return CSV


def _zip_type(file: Readable) -> FileType | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and "content.xml" in names:
                with archive.open("mimetype") as entry:
                    if entry.read(64).startswith(ODS.mime.encode()):
                        return ODS
            if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
                return XLSX
            return ZIP
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        return None
    finally:
        file.seek(0)


def detect(file: Readable) -> FileType | None:
    """The type of a file from its content: magic bytes, the parts of a zip, text."""
    file.seek(0)
    head = file.read(64 * 1024)
    file.seek(0)
    found = sniff(head)
    if found is ZIP:
        return _zip_type(file)
    return found or _text_type(head)


def check_upload(upload: Readable, *, allowed: Collection[str]) -> str:
    """Return the real MIME type of an upload, or raise UploadError with a message in plain
    Indonesian. The size limit is the table's for the detected type."""
    return inspect_file(upload, allowed=allowed).mime


def inspect_file(file: Readable, *, allowed: Collection[str], sized: bool = True) -> FileType:
    """Detect the type, check it is allowed and within its limits, and check its inside:
    an image's header and pixel count, a PDF's structure and active content, a zip's directory.

    `sized=False` (the storage) leaves out the byte limit of spreadsheets and zip archives,
    which a form has checked already and which the server's own backups may pass.
    """
    size = _file_size(file)
    if size == 0:
        raise UploadError(_("Berkas kosong. Pilih berkas lain."))
    found = detect(file)
    if found is None or found.mime not in allowed:
        raise UploadError(
            _("Berkas ini bukan %(types)s yang sah. Pilih berkas lain.")
            % {"types": _labels(allowed)}
        )
    limit = max_bytes(found.mime)
    if size > limit and (sized or found.mime in DOCUMENT_TYPES):
        raise UploadError(
            _("Berkas terlalu besar (%(size)s). Batasnya %(max)s.")
            % {"size": _size(size), "max": _size(limit)}
        )
    if found.mime in IMAGE_TYPES:
        image_check(file, found)
    elif found is PDF:
        _pdf_check(file)
    return found


def _file_size(file: Readable) -> int:
    size = getattr(file, "size", None)
    if isinstance(size, int):
        return size
    end = file.seek(0, io.SEEK_END)
    file.seek(0)
    return end


def _pdf_check(file: Readable) -> None:
    file.seek(0)
    data = file.read(MAX_BYTES[PDF.mime] + 1)
    file.seek(0)
    try:
        pdf_check(data)
    except PdfRefused as exc:
        if exc.reason == "active":
            raise UploadError(
                _(
                    "PDF ini berisi skrip, tindakan otomatis atau lampiran, yang tidak "
                    "diizinkan. Cetak ulang dokumennya sebagai PDF (Cetak, lalu Simpan sebagai "
                    "PDF) dan unggah hasilnya."
                )
            ) from exc
        if exc.reason == "complex":
            raise UploadError(
                _(
                    "PDF ini terkunci atau terlalu rumit untuk diperiksa. Cetak ulang dokumennya "
                    "sebagai PDF dan unggah hasilnya."
                )
            ) from exc
        raise UploadError(_("Berkas PDF ini rusak atau tidak lengkap. Pilih berkas lain.")) from exc


def _broken_image() -> UploadError:
    return UploadError(_("Gambar ini rusak atau tidak dapat dibaca. Pilih berkas lain."))


class _Borrowed:
    """The upload lent to Pillow, which closes the file of an image it closes: the upload is
    still needed (it is stored next)."""

    def __init__(self, file: Readable) -> None:
        self._file = file

    def read(self, size: int = -1, /) -> bytes:
        return self._file.read(size)

    def seek(self, offset: int, whence: int = io.SEEK_SET, /) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def close(self) -> None:
        pass


def _open_image(file: Readable, found: FileType) -> Image.Image:
    """Open an image reading its header only; refuse it above the pixel limit."""
    file.seek(0)
    data = _Borrowed(file)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(data, formats=[_PIL_FORMATS[found.mime]])  # type: ignore[arg-type]
    except Image.DecompressionBombError:
        raise _too_many_pixels(found, None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _broken_image() from exc
    width, height = img.size
    if width * height > max_pixels(found.mime):
        img.close()
        raise _too_many_pixels(found, (width, height))
    return img


def _too_many_pixels(found: FileType, size: tuple[int, int] | None) -> UploadError:
    limit = max_pixels(found.mime) / 1_000_000
    if size is None:
        return UploadError(
            _("Gambar ini terlalu besar. Batasnya %(max)s megapiksel.") % {"max": f"{limit:g}"}
        )
    return UploadError(
        _(
            "Gambar ini terlalu besar: %(width)d × %(height)d piksel (%(mp)s megapiksel). "
            "Batasnya %(max)s megapiksel; pilih ukuran foto yang lebih kecil di kamera."
        )
        % {
            "width": size[0],
            "height": size[1],
            "mp": f"{size[0] * size[1] / 1_000_000:.0f}",
            "max": f"{limit:g}",
        }
    )


def image_check(file: Readable, found: FileType) -> tuple[int, int]:
    """Header, pixel limit and Pillow's structural check, without decoding the pixels."""
    img = _open_image(file, found)
    try:
        size = img.size
        img.verify()
    except (OSError, SyntaxError, ValueError) as exc:
        raise _broken_image() from exc
    finally:
        img.close()
        file.seek(0)
    return size


@dataclass
class EncodedImage:
    content: bytes
    extension: str
    width: int
    height: int


def reencode_image(
    upload: Readable, *, max_side: int = 1600, square: bool = False, keep_png: bool = False
) -> EncodedImage:
    """Decode and re-encode an image: EXIF (with GPS) dropped, rotated upright, resized.

    Re-encoding means whatever else hid in the file (scripts, polyglots) does not survive.
    The pixel limit is checked from the header first, and a JPEG is decoded straight at the
    smallest scale that still covers `max_side` (`draft`), so a 50 MP photo never sits whole in
    memory. Out comes a JPEG, or a PNG when the image has transparency (or, with `keep_png`,
    was a PNG: a scanned letter's text stays sharp). Raises UploadError for a file that is not
    a readable image within the limits.
    """
    found = detect(upload)
    if found is None or found.mime not in IMAGE_TYPES:
        raise _broken_image()
    img = _open_image(upload, found)
    try:
        if found is JPEG:
            # The smallest 1/2, 1/4 or 1/8 scale whose long side (both sides for a square crop)
            # still covers max_side.
            wide = img.width >= img.height
            img.draft(
                "RGB", (max_side,) * 2 if square else (max_side, 1) if wide else (1, max_side)
            )
        ImageOps.exif_transpose(img, in_place=True)
        has_alpha = img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info)
        as_png = has_alpha or (keep_png and found is PNG)
        if img.mode != ("RGBA" if has_alpha else "RGB"):
            img = img.convert("RGBA" if has_alpha else "RGB")
        if square:
            img = ImageOps.fit(img, (min(max_side, *img.size),) * 2)
        img.thumbnail((max_side, max_side))
        out = io.BytesIO()
        if as_png:
            img.save(out, "PNG", optimize=True)
        else:
            img.save(out, "JPEG", quality=82, optimize=True, progressive=True)
        width, height = img.size
    except (OSError, SyntaxError, ValueError) as exc:
        raise _broken_image() from exc
    finally:
        img.close()
        upload.seek(0)
    return EncodedImage(out.getvalue(), "png" if as_png else "jpg", width, height)


class CheckedFile(ContentFile):
    """A checked upload ready to store: its bytes (a PDF as sent, an image re-encoded) and its
    type, named `upload.<ext>` (the storage gives it its random name)."""

    def __init__(self, content: bytes, *, file_type: FileType, width: int = 0, height: int = 0):
        super().__init__(content, name=f"upload.{file_type.extension}")
        self.file_type = file_type
        self.mime = file_type.mime
        self.extension = file_type.extension
        self.width, self.height = width, height


def document_prepare(
    upload: Readable, *, allowed: Collection[str] = DOCUMENT_TYPES, max_side: int = 2400
) -> CheckedFile:
    """A PDF checked (structure, no active content) and kept as sent, or a photo or scan
    re-encoded (2400 px keeps a photographed letter readable). Raises UploadError."""
    found = TYPES[check_upload(upload, allowed=allowed)]
    if found is PDF:
        upload.seek(0)
        content = upload.read()
        upload.seek(0)
        return CheckedFile(content, file_type=PDF)
    image = reencode_image(upload, max_side=max_side, keep_png=True)
    return CheckedFile(
        image.content,
        file_type=BY_EXTENSION[image.extension],
        width=image.width,
        height=image.height,
    )
