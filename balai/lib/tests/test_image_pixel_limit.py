"""An image above the pixel limit is refused from its header, before a single pixel is decoded;
a full-resolution phone photo (48–50 MP) is not refused."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from balai.lib.tests import files
from balai.lib.uploads import IMAGE_TYPES, UploadError, check_upload, reencode_image


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if anything decodes pixels."""

    def load(self):
        raise AssertionError(f"decoded a {self.size[0]} × {self.size[1]} image")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


@pytest.mark.parametrize(
    "data",
    [files.jpeg_header(10_000, 8_000), files.png_header(9_000, 8_000)],
    ids=["80-megapixel-jpeg", "72-megapixel-png"],
)
def test_a_huge_image_is_refused_from_its_header_without_decoding(data, no_decoding):
    upload = SimpleUploadedFile("foto.jpg", data)
    with pytest.raises(UploadError, match="terlalu besar: .* piksel"):
        check_upload(upload, allowed=IMAGE_TYPES)
    with pytest.raises(UploadError, match="terlalu besar"):
        reencode_image(upload)


def test_a_fifty_megapixel_phone_photo_passes_the_check(no_decoding):
    upload = SimpleUploadedFile("foto.jpg", files.jpeg_header(8160, 6120))
    assert check_upload(upload, allowed=IMAGE_TYPES) == "image/jpeg"


def test_png_and_webp_have_the_lower_limit_of_images_decoded_whole(no_decoding):
    upload = SimpleUploadedFile("layar.png", files.png_header(4000, 4000))  # 16 MP
    with pytest.raises(UploadError, match="Batasnya 12 megapiksel"):
        check_upload(upload, allowed=IMAGE_TYPES)


def test_the_photo_limit_is_a_setting(settings, no_decoding):
    settings.UPLOAD_MAX_PIXELS = 20_000_000
    upload = SimpleUploadedFile("foto.jpg", files.jpeg_header(6000, 4000))
    with pytest.raises(UploadError, match="Batasnya 20 megapiksel"):
        check_upload(upload, allowed=IMAGE_TYPES)


def test_a_large_jpeg_is_decoded_at_a_reduced_scale():
    out = io.BytesIO()
    Image.new("RGB", (4800, 3600), "teal").save(out, "JPEG")
    decoded = []
    original = ImageFile.ImageFile.load

    def load(self):
        decoded.append(self.size)
        return original(self)

    ImageFile.ImageFile.load = load
    try:
        encoded = reencode_image(SimpleUploadedFile("foto.jpg", out.getvalue()), max_side=1600)
    finally:
        ImageFile.ImageFile.load = original
    assert (encoded.width, encoded.height) == (1600, 1200)
    assert decoded and max(w * h for w, h in decoded) <= 2400 * 1800  # not 4800 × 3600


def test_refusing_a_huge_header_takes_little_memory():
    """In a fresh process: the peak memory grows by a few MB, not the ~500 MB a decode takes."""
    script = textwrap.dedent(
        """
        import resource, django, os
        os.environ["DJANGO_SETTINGS_MODULE"] = "balai.settings_test"
        django.setup()
        from django.core.files.uploadedfile import SimpleUploadedFile
        from balai.lib.tests import files
        from balai.lib.uploads import UploadError, reencode_image
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            reencode_image(SimpleUploadedFile("foto.png", files.png_header(9_000, 8_000)))
        except UploadError:
            pass
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
        """
    )
    grown_mb = int(subprocess.check_output([sys.executable, "-c", script], text=True).split()[-1])
    assert grown_mb < 20
