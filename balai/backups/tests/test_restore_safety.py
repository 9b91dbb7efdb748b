"""A restore never overwrites an upload it did not bring (a crafted archive naming another
village's file is refused, and that file is left as it was), and a restored village appears on
the district's cached pages at once."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from balai.backups.archive import village_archive_write
from balai.backups.restore import RestoreError, village_restore
from balai.backups.services import village_rows_purge
from balai.mentoring.models import HelpAttachment
from balai.mentoring.services import help_request_create
from balai.mentoring.tests.conftest import png_upload
from balai.villages.models import Village


def _rename_upload(src, dst, old: str, new: str) -> None:
    """The archive's attachment row and member now name `new`; checksums recomputed, as an
    attacker who edited the archive would."""
    with zipfile.ZipFile(src) as zin:
        members = {}
        for name in zin.namelist():
            data = zin.read(name)
            if name == "data/mentoring.helpattachment.json":
                data = data.replace(old.encode(), new.encode())
            members[name.replace(old, new)] = data
    manifest = json.loads(members.pop("manifest.json"))
    manifest["files"] = {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}
    with zipfile.ZipFile(dst, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
        zout.writestr("manifest.json", json.dumps(manifest))


def test_an_archive_naming_another_villages_upload_is_refused(dagan, alice, charlie, tmp_path):
    help_request_create(
        village=dagan, author=alice, topic="news", message="Lihat", images=[png_upload()]
    )
    ours = HelpAttachment.objects.get().file
    theirs = ours.storage.save("bantuan/milik-bojongsari.png", ContentFile(b"asli bojongsari"))
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    village_archive_write(village=dagan, target=good)
    _rename_upload(good, bad, ours.name, theirs)
    village_rows_purge(village=dagan)

    with pytest.raises(RestoreError, match="sudah ada di instalasi ini dengan isi lain"):
        village_restore(path=str(bad))

    with ours.storage.open(theirs) as fh:
        assert fh.read() == b"asli bojongsari"
    assert not Village.objects.filter(slug="dagan").exists()
    assert village_restore(path=str(good)).slug == "dagan"  # its own file: same bytes, kept


def test_a_restored_village_appears_on_the_cached_directory(
    client, dagan, tmp_path, django_capture_on_commit_callbacks
):
    archive = tmp_path / "dagan.zip"
    village_archive_write(village=dagan, target=archive)
    village_rows_purge(village=dagan)
    site = f'href="{reverse("site:home", kwargs={"village_slug": "dagan"})}"'
    assert site not in client.get("/desa/").content.decode()  # now cached without it

    with django_capture_on_commit_callbacks(execute=True):
        village_restore(path=str(archive))

    assert site in client.get("/desa/").content.decode()
