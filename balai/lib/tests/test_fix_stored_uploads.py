"""Files stored before the check get the same guarantee: `manage.py uploads_fix` renames those
whose extension is not their type and takes out the unsafe ones (with --quarantine)."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command

from balai.disclosure.models import PpidProfile
from balai.lib.tests import files
from balai.villages.models import Official, Village

pytestmark = pytest.mark.django_db
STORED = re.compile(r"^perangkat/[0-9a-f]{32}\.png$")


@pytest.fixture
def old_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path
    return FileSystemStorage(location=settings.MEDIA_ROOT)  # as files were written before


def _fix(*args: str) -> str:
    out = StringIO()
    call_command("uploads_fix", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_an_old_upload_with_the_uploaders_extension_is_renamed_and_its_rows_follow(
    old_media, dagan
):
    old = old_media.save("perangkat/shell.php", ContentFile(files.png_bytes()))
    kades = Official.objects.create(village=dagan, name="Siti", position="Kades", photo=old)
    sekdes = Official.objects.create(village=dagan, name="Budi", position="Sekdes", photo=old)

    assert "ganti nama  Official" in _fix("--dry-run").replace("villages.", "")
    assert Official.objects.get(pk=kades.pk).photo.name == old and old_media.exists(old)

    output = _fix()
    kades.refresh_from_db()
    sekdes.refresh_from_db()
    assert STORED.match(kades.photo.name) and sekdes.photo.name == kades.photo.name
    assert default_storage.exists(kades.photo.name) and not default_storage.exists(old)
    assert f"{old} -> {kades.photo.name}" in output
    assert "0 diganti namanya" in _fix()  # nothing left to do


def test_a_file_already_stored_safely_is_left_alone(old_media, dagan):
    name = default_storage.save("logo/x", ContentFile(files.png_bytes()))
    Village.objects.filter(pk=dagan.pk).update(logo=name)
    _fix()
    assert Village.objects.get(pk=dagan.pk).logo.name == name


def test_an_unsafe_old_file_is_listed_then_quarantined(old_media, dagan, tmp_path):
    old = old_media.save("ppid/perdes/surat.pdf", ContentFile(files.HTML_AS_PDF))
    profile = PpidProfile.objects.create(village=dagan, perdes_file=old)

    assert "TIDAK AMAN" in _fix()
    assert PpidProfile.objects.get(pk=profile.pk).perdes_file.name == old

    assert "dikarantina" in _fix("--quarantine")
    assert PpidProfile.objects.get(pk=profile.pk).perdes_file.name == ""
    assert not old_media.exists(old)
    kept = list((tmp_path / "karantina").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == files.HTML_AS_PDF
