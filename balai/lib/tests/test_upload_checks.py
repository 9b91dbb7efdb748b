from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from balai.lib.tests.files import reportlab_pdf
from balai.lib.uploads import IMAGE_TYPES, UploadError, check_upload, reencode_image

PDF = reportlab_pdf()


def png_bytes(size=(40, 30), mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "green").save(out, "PNG")
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    img = Image.new("RGB", (50, 20), "red")
    exif = Image.Exif()
    exif[0x8825] = {1: "S", 2: (7.0, 23.0, 10.0)}  # GPSInfo
    exif[0x0112] = 6  # rotated: the re-encoded image must come out upright
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_a_real_pdf_is_accepted_whatever_its_name():
    upload = SimpleUploadedFile("surat.jpg", PDF)
    assert check_upload(upload, allowed={"application/pdf"}) == "application/pdf"


def test_a_text_file_named_pdf_is_refused_in_indonesian():
    upload = SimpleUploadedFile("surat.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(UploadError, match="bukan PDF yang sah"):
        check_upload(upload, allowed={"application/pdf"})


def test_a_truncated_pdf_is_refused():
    upload = SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n1 0 obj")
    with pytest.raises(UploadError, match="rusak"):
        check_upload(upload, allowed={"application/pdf"})


def test_a_file_over_the_limit_is_refused_with_both_sizes():
    upload = SimpleUploadedFile("besar.pdf", PDF + b"0" * 11_000_000)
    with pytest.raises(UploadError, match="terlalu besar .*Batasnya 10"):
        check_upload(upload, allowed={"application/pdf"})


def test_a_broken_image_with_a_png_header_is_refused():
    upload = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    with pytest.raises(UploadError, match="rusak"):
        check_upload(upload, allowed=IMAGE_TYPES)


def test_reencoding_drops_exif_and_turns_the_photo_upright():
    upload = SimpleUploadedFile("foto.jpg", jpeg_with_gps())
    assert check_upload(upload, allowed=IMAGE_TYPES) == "image/jpeg"
    encoded = reencode_image(upload, max_side=600)
    with Image.open(io.BytesIO(encoded.content)) as img:
        assert img.getexif() == {}
        assert img.size == (20, 50)
    assert encoded.extension == "jpg"


def test_reencoding_resizes_to_the_longest_side_and_can_crop_square():
    upload = SimpleUploadedFile("logo.png", png_bytes((1200, 800)))
    encoded = reencode_image(upload, max_side=512, square=True)
    assert (encoded.width, encoded.height) == (512, 512)
