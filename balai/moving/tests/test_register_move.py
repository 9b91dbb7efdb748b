"""The register's move from OpenSID v2410's own backup (Desa Senggigi, MANIFEST.md): the counts
reproduced exactly, per sex and per dusun as OpenSID lists them, the mutation log as events, a
second run that changes nothing, and the bad backups refused with a reason, nothing written."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from balai.audit.models import AuditEntry
from balai.moving.models import Move, MovedItem
from balai.moving.opensid import MoveProblem
from balai.moving.services import move_backup
from balai.population.models import Area, Family, Household, Resident, ResidentEvent

BACKUP = Path(__file__).parents[2] / "imports" / "tests" / "data" / "opensid_v2410_senggigi.sql.gz"

pytestmark = pytest.mark.django_db


def move(village, *, write=True, data=None, **kw):
    handle = io.BytesIO(data if data is not None else BACKUP.read_bytes())
    return move_backup(village, handle, None, write=write, allow_other_village=True, **kw)


def test_the_dry_run_reports_and_writes_nothing(dagan):
    checked = move(dagan, write=False)
    assert not checked.written
    report = checked.report
    assert report["source"] == {
        "name": "Senggigi",
        "code": "5201142005",
        "version": "24.10",
        "database_version": "2024100101",
        "other_village": True,
    }
    assert report["register"]["counts"] == {
        "areas": 13,
        "families": 80,
        "residents": 326,
        "alive": 324,
        "households": 2,
        "events": 328,
    }
    assert report["register"]["changes"] == {
        "added": 326,
        "updated": 0,
        "unchanged": 0,
        "removed": 0,
    }
    assert report["register"]["error_count"] == 0
    groups = {t["table"]: t["group"] for t in report["inventory"]}
    assert groups["tweb_penduduk"] == "moved"
    assert groups["user"] == "secret" and groups["log_login"] == "secret"
    assert groups["artikel"] == "moved" and groups["program_peserta"] == "moved"
    assert groups["menu"] == "later"
    assert groups["tweb_aset"] == "reference" and groups["klasifikasi_surat"] == "reference"
    assert groups["analisis_master"] == "no_home" and groups["log_keluarga"] == "no_home"
    # Every table with rows has a line: 89 in this backup.
    assert len(report["inventory"]) == 89
    assert not Resident.objects.exists() and not MovedItem.objects.exists()


def test_the_register_moves_with_the_manifest_counts(dagan):
    done = move(dagan)
    assert done.written
    residents = Resident.objects.for_village(dagan)
    assert residents.count() == 326
    alive = residents.filter(status=Resident.ALIVE)
    assert alive.count() == 324
    assert dict(alive.values_list("sex").annotate(n=Count("pk"))) == {1: 163, 2: 161}
    assert dict(alive.values_list("family_relation").annotate(n=Count("pk"))) == {
        1: 80,
        3: 69,
        4: 169,
        7: 6,
    }
    assert dict(alive.values_list("religion").annotate(n=Count("pk"))) == {
        1: 269,
        2: 8,
        3: 10,
        4: 9,
        5: 10,
        6: 8,
        7: 10,
    }
    assert dict(alive.values_list("area__dusun").annotate(n=Count("pk"))) == {
        "KLUI": 105,
        "MANGSIT": 109,
        "SENGGIGI": 110,
    }
    died = residents.get(status=2)
    assert died.name == "RAHMAWATI" and died.sex == 2
    moved_out = residents.get(status=3)
    assert moved_out.name == "HENDRA" and moved_out.sex == 1
    assert Family.objects.for_village(dagan).count() == 80
    # 13 RT, the empty RT 003 / RW 001 / SENGGIGI too.
    assert Area.objects.for_village(dagan).count() == 13
    assert not residents.filter(area__dusun="SENGGIGI", area__rw="001", area__rt="003").exists()
    events = ResidentEvent.objects.for_village(dagan)
    assert events.count() == 328
    assert dict(events.values_list("kind").annotate(n=Count("pk"))) == {5: 325, 1: 1, 2: 1, 3: 1}
    death = events.get(kind=2)
    assert death.resident == died
    assert str(death.event_date) == "2026-11-18" and death.place == "RSUD Tripat Gerung"
    birth = events.get(kind=1)
    assert birth.resident.name == "MUHAMMAD RIZKI SAPUTRA"
    assert str(birth.resident.birth_date) == "2026-11-02"
    out = events.get(kind=3)
    assert out.move_level == 3 and "Mataram" in out.destination
    households = Household.objects.for_village(dagan)
    assert households.count() == 2
    assert residents.filter(household__isnull=False).count() == 7
    assert residents.filter(household_relation=1).count() == 2
    mapped = dict(MovedItem.objects.for_village(dagan).values_list("kind").annotate(n=Count("pk")))
    assert mapped == {
        "penduduk": 326,
        "keluarga": 80,
        "wilayah": 13,
        "rtm": 2,
        "log_penduduk": 328,
        # the site's text moves without the desa/ folder; its pictures are report lines
        "kategori": 4,
        "artikel": 10,
        "komentar": 3,
        "halaman": 2,
        "agenda": 2,
        "galeri": 1,
        "perangkat": 5,
        # the other kinds (PPID, aid, APBDes, projects, lapak; no photos without the folder)
        "dokumen": 8,
        "program": 2,
        "program_peserta": 15,
        "apbdes": 1,
        "pembangunan": 2,
        "pembangunan_dokumentasi": 6,
        "pelapak": 2,
        "produk": 5,
    }
    entry = AuditEntry.objects.get(action="moving.opensid")
    assert entry.details["residents_added"] == 326
    # The rows that have no home yet are in the private archive, with no secret in it.
    with done.archive.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        names = set(archive.namelist())
        assert {"menu.json", "log_keluarga.json", "analisis_master.json"} <= names
        assert not {"dokumen.json", "program_peserta.json", "pembangunan.json"} & names
        assert not {"user.json", "log_login.json", "tweb_penduduk.json"} & names
        assert "config.json" not in names  # moved now; and its app_key is never kept
    assert done.report["archived"]["menu"] == 21
    assert done.report["kinds"]["finance"]["lines"] == 14


def test_a_second_run_changes_nothing(dagan):
    move(dagan)
    again = move(dagan)
    assert again.report["register"]["changes"] == {
        "added": 0,
        "updated": 0,
        "unchanged": 326,
        "removed": 0,
    }
    assert Resident.objects.for_village(dagan).count() == 326
    assert ResidentEvent.objects.for_village(dagan).count() == 328
    assert Household.objects.for_village(dagan).count() == 2
    assert MovedItem.objects.for_village(dagan).filter(kind="penduduk").count() == 326


def test_a_nik_of_another_resident_is_refused_by_row(dagan):
    move(dagan)
    first = Resident.objects.for_village(dagan).order_by("pk").first()
    MovedItem.objects.for_village(dagan).filter(kind="penduduk").delete()  # someone else's now
    checked = move(dagan, write=True)
    assert not checked.written
    errors = checked.report["register"]["errors"]
    assert len(errors) == 326
    assert errors[0][1] == "tweb_penduduk!nik" and "sudah dipakai" in errors[0][2]
    assert Resident.objects.for_village(dagan).get(pk=first.pk).name == first.name


def test_codes_outside_the_lists_are_refused_with_the_row(dagan):
    sql = gzip.decompress(BACKUP.read_bytes()).decode()
    needle = "INSERT INTO `tweb_penduduk` (`id`"
    start = sql.index(needle)
    line_end = sql.index("\n", start)
    line = sql[start:line_end]
    head, values = line.split(" VALUES (", 1)
    columns = [c.strip(" `") for c in head[head.index("(") + 1 : head.rindex(")")].split(",")]
    cells = values.split(", ")
    cells[columns.index("agama_id")] = "42"
    broken = sql[:start] + head + " VALUES (" + ", ".join(cells) + sql[line_end:]
    checked = move(dagan, data=broken.encode())
    errors = checked.report["register"]["errors"]
    assert len(errors) == 1
    assert errors[0][1] == "tweb_penduduk!agama_id" and "42" in errors[0][2]
    assert not checked.written and not Resident.objects.exists()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<html><body>Halaman masuk</body></html>\n", "bukan berkas SQL"),
        (gzip.decompress(BACKUP.read_bytes())[:1_500_000], "terpotong"),
        (BACKUP.read_bytes()[:50_000], "terpotong"),
        (b"CREATE TABLE `x` (\n `a` int\n);\nINSERT INTO `x` VALUES (1);\n", "bukan cadangan"),
    ],
)
def test_bad_files_are_refused_with_a_reason(dagan, data, words):
    with pytest.raises(MoveProblem, match=words):
        move(dagan, data=data)
    assert not Move.objects.exists() and not Resident.objects.exists()


def test_an_unknown_version_is_refused(dagan):
    sql = gzip.decompress(BACKUP.read_bytes()).decode()
    sql = sql.replace("'current_version', '24.10'", "'current_version', '19.01'")
    sql = sql.replace("'2024100101'", "'2019010101'")
    with pytest.raises(MoveProblem, match="19.01"):
        move(dagan, data=sql.encode())


def test_another_villages_backup_needs_the_operators_word(dagan):
    with pytest.raises(MoveProblem, match="Senggigi"):
        move_backup(dagan, io.BytesIO(BACKUP.read_bytes()), None, write=True)
    assert not Resident.objects.exists()


def test_the_command_runs_the_dry_run_and_the_write(dagan, tmp_path, capsys):
    call_command("import_opensid", dagan.slug, "--sql", str(BACKUP))
    assert "Uji saja" in capsys.readouterr().out
    assert not Resident.objects.exists()
    call_command(
        "import_opensid", dagan.slug, "--sql", str(BACKUP), "--write", "--allow-other-village"
    )
    assert Resident.objects.for_village(dagan).count() == 326
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("import_opensid", "no-such-village", "--sql", str(BACKUP))
