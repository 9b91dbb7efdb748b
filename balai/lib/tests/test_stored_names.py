"""Every stored file is named `<folder>/<random>.<type detected from its bytes>`, and a file of a
type the storage does not keep is refused with nothing written, whoever saves it."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from balai.lib.storage import checks_uploads, private_storage, random_upload_name
from balai.lib.tests import files
from balai.lib.uploads import UploadError

STORED = re.compile(r"^(?P<folder>[a-z/-]+)/[0-9a-f]{32}\.(?P<ext>[a-z]+)$")


@pytest.fixture(autouse=True)
def empty_storages(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _storage(which: str):
    return default_storage if which == "public" else private_storage()


def _stored(storage, name: str, data: bytes) -> re.Match:
    saved = storage.save(name, SimpleUploadedFile(name.rsplit("/", 1)[-1], data, "text/html"))
    match = STORED.match(saved)
    assert match, saved
    return match


@pytest.mark.parametrize("which", ["public", "private"])
def test_a_real_png_named_shell_php_png_is_stored_under_a_random_png_name(which):
    storage = _storage(which)
    stored = _stored(storage, "berita/shell.php.png", files.png_bytes(text="<?php phpinfo(); ?>"))
    assert stored["folder"] == "berita" and stored["ext"] == "png"
    assert "shell" not in stored[0] and "php" not in stored[0]


def test_the_extension_comes_from_the_bytes_not_the_name():
    assert _stored(default_storage, "dip/surat.png", files.reportlab_pdf())["ext"] == "pdf"
    assert _stored(default_storage, "foto/foto.pdf", files.jpeg_bytes())["ext"] == "jpg"
    assert _stored(private_storage(), "impor/data.png", b"nik,nama\n1,Siti\n")["ext"] == "csv"


@pytest.mark.parametrize("which", ["public", "private"])
@pytest.mark.parametrize(
    "name, data",
    [
        ("ppid/page.pdf", files.HTML_AS_PDF),
        ("ppid/shell.pdf", files.PHP_AS_PDF),
        ("logo/logo.svg", files.SVG),
        ("logo/logo.png", files.SVG),
        ("berita/page.html", files.HTML),
        ("ppid/js.pdf", files.pdf_open_action_javascript()),
    ],
    ids=["html-as-pdf", "php-as-pdf", "svg", "svg-as-png", "html", "pdf-with-javascript"],
)
def test_pages_scripts_and_svg_are_refused_and_nothing_is_written(which, name, data):
    storage = _storage(which)
    folder = name.split("/")[0]
    with pytest.raises(UploadError):
        storage.save(name, ContentFile(data))
    assert not storage.exists(folder) or storage.listdir(folder) == ([], [])


def test_public_media_keeps_no_spreadsheets_or_archives():
    with pytest.raises(UploadError):
        default_storage.save("berita/data.csv", ContentFile(b"nik,nama\n1,Siti\n"))


def test_a_random_stem_is_kept_and_any_other_replaced():
    stem = "0123456789abcdef0123456789abcdef"
    assert default_storage.save(f"logo/{stem}.php", ContentFile(files.png_bytes())) == (
        f"logo/{stem}.png"
    )
    assert not default_storage.save("logo/Ab.png", ContentFile(files.png_bytes())).startswith(
        "logo/Ab"
    )


def test_upload_to_ignores_the_uploaders_name():
    assert STORED.match(random_upload_name("berita", "shell.php.png") + ".png")


def test_every_file_field_of_every_model_uses_a_checking_storage():
    fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField) and not checks_uploads(field.storage)
    ]
    assert fields == []
