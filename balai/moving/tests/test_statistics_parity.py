"""Issue 14: after the move, Balai's own statistics equal OpenSID's for the same register — per
sex and per age group.

OpenSID's rules (v2410, `Laporan_penduduk_model`, statistics 4 "jenis kelamin" and 13 "umur
rentang"): living residents are `tweb_penduduk.status_dasar = 1`; the age is
`DATE_FORMAT(FROM_DAYS(TO_DAYS(NOW()) - TO_DAYS(tanggallahir)), '%Y') + 0`, the year part of the
day difference read as a date counted from MySQL's day 0 (not the completed years: a few days
around a birthday it can be a year off), and the ranges are the `tweb_penduduk_umur` rows with
`status = 1`, both ends included. Balai's ages are completed years (`figures.age_group`).

The mapping, derived from the backup's own ranges below and asserted: OpenSID's "Di bawah 1
Tahun" (0–1) and "2 s/d 4 Tahun" (2–4) together are Balai's 0–4; each later five-year range
(5–9 … 70–74) is Balai's group of the same bounds; "Di atas 75 Tahun" (75–99999) is Balai's 75+.
A range that does not fall inside one Balai group fails the test.

Counted on 2026-12-06, the day the backup was made (MANIFEST.md), so the figures are fixed.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest

from balai.moving.opensid import open_backup
from balai.moving.services import move_backup
from balai.moving.tests.conftest import BACKUP
from balai.population import figures
from balai.population.models import PopulationFigure

pytestmark = pytest.mark.django_db

BACKUP_DAY = date(2026, 12, 6)


def opensid_age(birth: date, today: date) -> int:
    """OpenSID's age: DATE_FORMAT(FROM_DAYS(TO_DAYS(today) - TO_DAYS(birth)), '%Y') + 0.
    MySQL's day 366 is 0001-01-01 (Python's ordinal 1); FROM_DAYS below 366 is year 0."""
    days = today.toordinal() - birth.toordinal()
    return date.fromordinal(days - 365).year if days >= 366 else 0


def _birth(value: object) -> date | None:
    text = str(value or "")[:10]
    if not text or text.startswith("0000"):
        return None
    return date.fromisoformat(text)


def opensid_statistics(staged, today: date) -> tuple[Counter, Counter, list[tuple[int, int, int]]]:
    """(per sex, per (range id, sex), ranges) computed from the staged copy with OpenSID's rules."""
    ranges = [
        (int(r["id"]), int(r["dari"]), int(r["sampai"]))
        for r in staged.rows("tweb_penduduk_umur", "status = 1 ORDER BY dari")
    ]
    by_sex: Counter = Counter()
    by_range: Counter = Counter()
    for row in staged.rows("tweb_penduduk", "status_dasar = 1"):
        sex = int(row["sex"])
        by_sex[sex] += 1
        birth = _birth(row["tanggallahir"])
        if birth is None:
            continue  # NULL age: in no range
        age = opensid_age(birth, today)
        for pk, low, high in ranges:
            if low <= age <= high:
                by_range[(pk, sex)] += 1
    return by_sex, by_range, ranges


def balai_group(low: int, high: int) -> int:
    """The Balai age group (figures.AGE_GROUPS, 1-based) holding all of OpenSID's range."""
    for code, (start, end) in enumerate(figures.AGE_GROUPS, 1):
        if start <= low and (high <= end if end is not None else True):
            return code
    raise AssertionError(f"OpenSID's range {low}–{high} spans several Balai age groups")


def to_balai_groups(by_range: Counter, ranges) -> Counter:
    grouped: Counter = Counter()
    for pk, low, high in ranges:
        for sex in (1, 2):
            grouped[(balai_group(low, high), sex)] += by_range[(pk, sex)]
    return grouped


@pytest.fixture
def moved(dagan, monkeypatch):
    """The backup moved into Dagan and its figures counted on the backup's day."""
    move_backup(dagan, io.BytesIO(BACKUP.read_bytes()), None, write=True, allow_other_village=True)
    monkeypatch.setattr(figures.timezone, "localdate", lambda *a, **k: BACKUP_DAY)
    figures.figures_recompute(village=dagan)
    stored: Counter = Counter()
    for code, sex, count in (
        PopulationFigure.objects.for_village(dagan)
        .filter(category="umur")
        .values_list("code", "sex", "count")
    ):
        stored[(code, sex)] += count
    return stored


@pytest.fixture
def staged(tmp_path):
    with BACKUP.open("rb") as handle:
        backup = open_backup(handle, str(tmp_path / "stage.sqlite3"))
    yield backup.staged
    backup.staged.close()


def test_the_age_mapping_is_derived_from_opensids_own_ranges(staged):
    _, _, ranges = opensid_statistics(staged, BACKUP_DAY)
    mapping = {(low, high): balai_group(low, high) for _, low, high in ranges}
    assert mapping[(0, 1)] == mapping[(2, 4)] == 1  # Balai's 0–4
    assert mapping[(5, 9)] == 2 and mapping[(70, 74)] == 15
    assert mapping[(75, 99999)] == 16  # Balai's 75+
    assert sorted(set(mapping.values())) == list(range(1, 17))  # every Balai group has a range


def test_opensids_age_rule_is_the_year_of_the_day_difference():
    # Completed years would say 26 on the birthday; OpenSID's day count still says 25.
    assert opensid_age(date(2000, 12, 6), date(2026, 12, 6)) == 25
    assert opensid_age(date(2000, 12, 6), date(2026, 12, 8)) == 26
    assert opensid_age(date(2026, 11, 2), date(2026, 12, 6)) == 0
    assert figures.age_group(date(2000, 12, 6), date(2026, 12, 6)) == 6  # 25–29 either way


def test_per_sex_and_per_age_figures_equal_opensids_own(moved, staged):
    by_sex, by_range, ranges = opensid_statistics(staged, BACKUP_DAY)
    assert by_sex == {1: 163, 2: 161}  # OpenSID's "Jenis Kelamin" page (MANIFEST.md)
    balai_sex: Counter = Counter()
    for (_, sex), count in moved.items():
        balai_sex[sex] += count
    assert balai_sex == by_sex
    expected = to_balai_groups(by_range, ranges)
    assert sum(expected.values()) == 324  # nobody without a birth date or outside a range
    assert {k: v for k, v in moved.items() if v} == {k: v for k, v in expected.items() if v}


OPENSID_AGE = "(DATE_FORMAT(FROM_DAYS(TO_DAYS(%s) - TO_DAYS(b.tanggallahir)), '%%Y') + 0)"


def test_opensids_own_sql_on_mariadb_gives_the_same_figures(opensid_mysql, moved, staged):
    """OpenSID's queries, as its statistics page runs them (with its join to log_penduduk), on
    the backup restored into MariaDB: the same numbers as computed from the staged copy and as
    Balai stores."""
    from balai.moving.live import connect

    connection = connect(opensid_mysql)
    try:
        cursor = connection.cursor()
        cursor.execute(
            "SELECT b.sex, COUNT(b.id) FROM tweb_penduduk b WHERE b.status_dasar = 1 GROUP BY b.sex"
        )
        by_sex = {int(sex): int(n) for sex, n in cursor.fetchall()}
        age = OPENSID_AGE
        cursor.execute(
            "SELECT u.id, b.sex, COUNT(b.id) FROM tweb_penduduk_umur u "
            "JOIN tweb_penduduk b ON b.status_dasar = 1 "
            f"AND {age} >= u.dari AND {age} <= u.sampai "
            "LEFT JOIN log_penduduk l ON l.id_pend = b.id "
            "WHERE u.status = 1 GROUP BY u.id, b.sex",
            (BACKUP_DAY, BACKUP_DAY),
        )
        by_range = Counter({(int(pk), int(sex)): int(n) for pk, sex, n in cursor.fetchall()})
    finally:
        connection.close()
    staged_sex, staged_range, ranges = opensid_statistics(staged, BACKUP_DAY)
    assert by_sex == staged_sex
    assert by_range == +staged_range
    expected = to_balai_groups(by_range, ranges)
    assert {k: v for k, v in moved.items() if v} == {k: v for k, v in expected.items() if v}
