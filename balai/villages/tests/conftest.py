"""Helpers for the village site and dashboard tests: images made in memory, a filled profile."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from balai.villages.models import Official, Village


def image_upload(
    name: str = "foto.jpg", size: tuple[int, int] = (900, 700), exif: bool = False
) -> SimpleUploadedFile:
    img = Image.new("RGB", size, (120, 60, 30))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "KameraRahasia"  # Make
        data[0x8825] = {2: (7.0, 18.0, 0.0)}  # GPS latitude
        img.save(out, "JPEG", exif=data)
    else:
        img.save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def text_as_jpg() -> SimpleUploadedFile:
    return SimpleUploadedFile("foto.jpg", b"ini bukan gambar, hanya teks\n" * 10, "image/jpeg")


def too_big_jpg() -> SimpleUploadedFile:
    """Over the image limit (settings.UPLOAD_MAX_IMAGE_MB, 20 MB)."""
    return SimpleUploadedFile("besar.jpg", b"\xff\xd8\xff" + b"0" * (20 * 1024 * 1024 + 10))


def fill_profile(village: Village) -> Village:
    village.history = "Dagan berdiri sejak zaman Mataram.\n\nDesa ini terkenal dengan batik."
    village.vision = "Dagan maju, mandiri dan berbudaya"
    village.mission = "1. Meningkatkan pelayanan\n2. Mengembangkan batik tulis\n- Menjaga sungai"
    village.office_address = "Jl. Raya Dagan No. 1, Bobotsari"
    village.latitude = Decimal("-7.301234")
    village.longitude = Decimal("109.365678")
    village.phone = "0281-123456"
    village.email = "kantor@dagan.desa.id"
    village.office_hours = "Senin–Kamis 08.00–15.00"
    village.save()
    return village


def add_officials(village: Village, *people: tuple[str, str]) -> list[Official]:
    return [
        Official.objects.create(village=village, name=name, position=position, order=i)
        for i, (name, position) in enumerate(people)
    ]


@pytest.fixture
def filled_dagan(dagan) -> Village:
    return fill_profile(dagan)
