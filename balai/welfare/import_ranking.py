"""Welfare ranking files: each row names a household (through a member's NIK or a No. KK)
with its DTSEN decile or DTKS/BDT status; the village's own poverty finding is read from
separate columns and kept apart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from balai.imports.registry import Changes, Issues, RowRef, row_label
from balai.welfare.import_rows import Register, parse_date, text
from balai.welfare.models import PovertyFlag, WelfareRank

RANKING_COLUMNS = [
    "nik",
    "no_kk",
    "desil",
    "status_dtks",
    "tanggal_data",
    "sumber",
    "miskin_desa",
    "alasan_desa",
]
YES = {"ya", "y", "1", "miskin"}


@dataclass
class RankRow:
    ref: RowRef
    household: Any
    decile: int | None
    dtks_status: str
    data_date: date
    source: str
    poor_reason: str


def parse_rank(register: Register, ref: RowRef, cells: dict[str, Any], issues: Issues) -> Any:
    before = issues.error_count
    person, fam, _column = register.find(cells, ref, issues)
    household = person.household if person else None
    if household is None and fam is not None:
        member = fam.members.exclude(household=None).select_related("household").first()
        household = member.household if member else None
    if (person or fam) and household is None:
        issues.error(ref, "nik", _("Warga ini belum tercatat dalam rumah tangga mana pun."))
    decile = None
    raw = text(cells.get("desil"))
    if raw:
        decile = int(raw) if raw.isdigit() else 0
        if not 1 <= decile <= 10:
            issues.error(ref, "desil", _("Desil harus angka 1 sampai 10."))
    status = text(cells.get("status_dtks"))[:40]
    if not raw and not status:
        issues.error(ref, "desil", _("Isi desil (1–10) atau status DTKS/BDT."))
    data_date = parse_date(cells.get("tanggal_data"))
    if data_date is None:
        issues.error(ref, "tanggal_data", _("Tanggal tidak terbaca; tulis 31-01-2026."))
    poor = text(cells.get("miskin_desa")).lower() in YES
    reason = text(cells.get("alasan_desa"))[:200]
    if poor and not reason:
        issues.error(ref, "alasan_desa", _("Tulis alasan desa menilai rumah tangga ini miskin."))
    if issues.error_count > before or household is None or data_date is None:
        return None
    source = text(cells.get("sumber"))[:40] or "DTSEN"
    return RankRow(ref, household, decile, status, data_date, source, reason if poor else "")


def check_ranks(rows: list[RankRow], issues: Issues) -> None:
    seen: dict[tuple[int, str, date], RankRow] = {}
    for row in rows:
        key = (row.household.pk, row.source, row.data_date)
        if key in seen:
            issues.error(
                row.ref,
                "nik",
                _("Rumah tangga yang sama sudah ada di baris %(n)s.")
                % {"n": row_label(seen[key].ref)},
            )
            continue
        seen[key] = row


def compare_ranks(village: Any, rows: list[RankRow]) -> Changes:
    stored = {
        (r.household_id, r.source, r.data_date): (r.decile, r.dtks_status)
        for r in WelfareRank.objects.for_village(village)
    }
    flags = dict(PovertyFlag.objects.for_village(village).values_list("household_id", "reason"))
    added = updated = same = 0
    for row in rows:
        found = stored.get((row.household.pk, row.source, row.data_date))
        flag_same = not row.poor_reason or flags.get(row.household.pk) == row.poor_reason
        if found is None:
            added += 1
        elif found != (row.decile, row.dtks_status) or not flag_same:
            updated += 1
        else:
            same += 1
    return Changes(added=added, updated=updated, unchanged=same)


def write_ranks(village: Any, rows: list[RankRow], changes: Changes) -> dict[str, int]:
    today = timezone.localdate()
    for row in rows:
        WelfareRank.objects.update_or_create(
            village=village,
            household=row.household,
            source=row.source,
            data_date=row.data_date,
            defaults={"decile": row.decile, "dtks_status": row.dtks_status},
        )
        if row.poor_reason:
            PovertyFlag.objects.update_or_create(
                village=village,
                household=row.household,
                defaults={"reason": row.poor_reason, "flagged_on": today},
            )
    return changes.counts()
