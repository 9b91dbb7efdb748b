from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png_upload(name: str = "layar.png", size: tuple[int, int] = (40, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture
def help_request(dagan, alice, maya):
    from balai.mentoring.services import help_request_create

    return help_request_create(
        village=dagan, author=alice, topic="news", message="Foto berita tidak muncul.", images=[]
    )
