"""Welfare recipient lists: each row names a resident (NIK) or a family (No. KK) of the village's
register, with the period, the amount and the status of their assistance. Every bad row is
reported by row number, column and an Indonesian reason; a row that matches nobody in the
register is an error, never silently dropped.

The same person twice in one file is a duplicate (reported as such, naming the first row); the
same person in two rows with different periods that overlap is an overlapping period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from balai.imports.registry import Changes, Issues, RowRef, row_label
from balai.lib.numbers import AmountError, parse_rupiah
from balai.population import nik as nik_rules
from balai.population.models import Family, Resident
from balai.welfare.models import Programme, Recipient

RECIPIENT_COLUMNS = [
    "nik",
    "no_kk",
    "nama",
    "nomor_kartu",
    "mulai",
    "selesai",
    "nilai",
    "status",
    "alasan",
]
STATUS_WORDS = {"": "active", "aktif": "active", "berhenti": "ended", "diganti": "replaced"}
FIELDS = ("card_number", "start", "end", "amount", "status", "status_reason", "name", "area_id")


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value: object) -> date | None:
    """2026-01-31, 31-01-2026, 31/01/2026 or a spreadsheet date; None when unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


class Register:
    """The village's living residents and families by NIK and No. KK, read once per file."""

    def __init__(self, village: Any) -> None:
        residents = Resident.objects.for_village(village).filter(status=Resident.ALIVE)
        self.by_nik = {r.nik: r for r in residents.select_related("family", "household")}
        self.families = {f.number: f for f in Family.objects.for_village(village)}

    def find(self, cells: dict[str, Any], ref: RowRef, issues: Issues) -> tuple[Any, Any, str]:
        """(resident or None, family or None, "nik"/"no_kk": the column that identified)."""
        numbers = {}
        for column in ("nik", "no_kk"):
            value, rounded = nik_rules.cell_text(cells.get(column))
            if rounded:
                issues.error(ref, column, nik_rules.rounded_message())
                return None, None, ""
            if value and not (len(value) == 16 and value.isdigit() and value.isascii()):
                issues.error(ref, column, _("Harus 16 angka (ketik sebagai teks, bukan angka)."))
                return None, None, ""
            numbers[column] = value
        if numbers["nik"]:
            person = self.by_nik.get(numbers["nik"])
            if person is None:
                issues.error(ref, "nik", _("NIK tidak ada di data penduduk desa."))
            return person, person.family if person else None, "nik"
        if numbers["no_kk"]:
            fam = self.families.get(numbers["no_kk"])
            if fam is None:
                issues.error(ref, "no_kk", _("No. KK tidak ada di data penduduk desa."))
            return None, fam, "no_kk"
        issues.error(ref, "nik", _("Isi NIK atau No. KK."))
        return None, None, ""


@dataclass
class RecipientRow:
    ref: RowRef
    identifier: tuple[str, str]  # ("nik", "3303…") or ("no_kk", "3303…"): what the row named
    target: dict[str, Any]  # resident / family / household, name, area_id
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, int]:
        for kind in ("resident", "family", "household"):
            if kind in self.target:
                return kind, self.target[kind].pk
        return ("", 0)


def _target(programme: Programme, person: Any, fam: Any, ref: RowRef, issues: Issues) -> Any:
    unit = programme.unit
    if unit in (Programme.Unit.PERSON, Programme.Unit.GROUP):
        if person is None:
            issues.error(ref, "nik", _("Program ini untuk perorangan: isi NIK."))
            return None
        return {"resident": person, "name": person.name, "area_id": person.area_id}
    if unit == Programme.Unit.FAMILY:
        head = person or fam.members.order_by("family_relation", "id").first()
        return {"family": fam, "name": head.name if head else fam.number, "area_id": fam.area_id}
    head = person or fam.members.exclude(household=None).select_related("household").first()
    if head is None or head.household is None:
        issues.error(ref, "nik", _("Warga ini belum tercatat dalam rumah tangga mana pun."))
        return None
    return {"household": head.household, "name": head.name, "area_id": head.household.area_id}


def _values(cells: dict[str, Any], ref: RowRef, programme: Programme, issues: Issues) -> Any:
    before = issues.error_count
    start = parse_date(cells.get("mulai") or programme.period_start)
    end = parse_date(cells["selesai"]) if text(cells.get("selesai")) else None
    if start is None:
        issues.error(ref, "mulai", _("Tanggal tidak terbaca; tulis 31-01-2026."))
    if text(cells.get("selesai")) and end is None:
        issues.error(ref, "selesai", _("Tanggal tidak terbaca; tulis 31-01-2026."))
    if start and end and end < start:
        issues.error(ref, "selesai", _("Tanggal selesai sebelum tanggal mulai."))
    amount = programme.amount
    if text(cells.get("nilai")):
        try:
            amount = parse_rupiah(cells["nilai"]) or 0
        except AmountError as exc:
            issues.error(
                ref, "nilai", _("%(why)s; tulis 300.000 atau Rp 300.000,00.") % {"why": exc}
            )
    status = STATUS_WORDS.get(text(cells.get("status")).lower())
    if status is None:
        issues.error(ref, "status", _("Isi aktif, berhenti atau diganti."))
    elif status != "active" and not text(cells.get("alasan")):
        issues.error(ref, "alasan", _("Tulis alasan penerima berhenti atau diganti."))
    if issues.error_count > before:
        return None
    return {
        "card_number": text(cells.get("nomor_kartu"))[:40],
        "start": start,
        "end": end,
        "amount": amount,
        "status": status,
        "status_reason": text(cells.get("alasan"))[:200],
    }


def parse_recipient(
    programme: Programme, register: Register, ref: RowRef, cells: dict[str, Any], issues: Issues
) -> RecipientRow | None:
    person, fam, column = register.find(cells, ref, issues)
    if person is None and fam is None:
        return None
    target = _target(programme, person, fam, ref, issues)
    values = _values(cells, ref, programme, issues)
    if target is None or values is None:
        return None
    number = person.nik if column == "nik" and person else fam.number
    return RecipientRow(ref, (column, number), target, values)


def _overlaps(a: date, b: date | None, c: date, d: date | None) -> bool:
    return a <= (d or date.max) and c <= (b or date.max)


def _same_target(key: tuple[str, int], other: Recipient) -> bool:
    kind, pk = key
    return getattr(other, f"{kind}_id", None) == pk


def check_recipients(programme: Programme, rows: list[RecipientRow], issues: Issues) -> None:
    """Duplicates and overlaps between rows, with the programme's stored recipients, and with
    programmes of the same exclusive group."""
    stored: dict[tuple[str, int], list[tuple[date, date | None]]] = {}
    for r in Recipient.objects.for_village(programme.village).filter(programme=programme):
        kind = "resident" if r.resident_id else "family" if r.family_id else "household"
        stored.setdefault((kind, getattr(r, f"{kind}_id")), []).append((r.start, r.end))
    exclusive: list[Recipient] = []
    if programme.exclusive_group:
        exclusive = list(
            Recipient.objects.for_village(programme.village)
            .filter(programme__exclusive_group=programme.exclusive_group, status="active")
            .exclude(programme=programme)
            .select_related("programme")
        )
    seen: dict[tuple[str, int], list[RecipientRow]] = {}
    for row in rows:
        v = row.values
        earlier = seen.setdefault(row.key, [])
        clash = _row_clash(row, earlier)
        if clash:
            issues.error(row.ref, *clash)
            continue
        earlier.append(row)
        if any(
            s != v["start"] and _overlaps(v["start"], v["end"], s, e)
            for s, e in stored.get(row.key, [])
        ):
            issues.error(
                row.ref, "mulai", _("Periode tumpang tindih dengan data penerima yang sudah ada.")
            )
            continue
        for other in exclusive:
            if (
                v["status"] == "active"
                and _same_target(row.key, other)
                and _overlaps(v["start"], v["end"], other.start, other.end)
            ):
                issues.error(
                    row.ref,
                    "nik",
                    _("Sudah menerima %(p)s pada periode yang sama; program ini saling meniadakan.")
                    % {"p": other.programme.name},
                )
                break


def _row_clash(row: RecipientRow, earlier: list[RecipientRow]) -> tuple[str, str] | None:
    """(column, reason) when an earlier row names the same recipient for the same period."""
    v = row.values
    for other in earlier:
        if other.values["start"] == v["start"]:
            column, number = row.identifier
            if other.identifier == row.identifier:
                label = _("NIK") if column == "nik" else _("No. KK")
                return column, _("%(what)s sama dengan baris %(n)s.") % {
                    "what": label,
                    "n": row_label(other.ref),
                }
            return column, _("Penerima yang sama sudah ada di baris %(n)s.") % {
                "n": row_label(other.ref)
            }
        if _overlaps(v["start"], v["end"], other.values["start"], other.values["end"]):
            return "mulai", _("Periode tumpang tindih dengan baris %(n)s.") % {
                "n": row_label(other.ref)
            }
    return None


def compare_recipients(programme: Programme, rows: list[RecipientRow]) -> Changes:
    existing = {
        (r.resident_id, r.family_id, r.household_id, r.start): r
        for r in Recipient.objects.for_village(programme.village).filter(programme=programme)
    }
    new, changed, same = [], [], 0
    for row in rows:
        t = row.target
        key = (
            getattr(t.get("resident"), "pk", None),
            getattr(t.get("family"), "pk", None),
            getattr(t.get("household"), "pk", None),
            row.values["start"],
        )
        merged = {**t, **row.values}
        found = existing.get(key)
        if found is None:
            new.append(merged)
        elif any(getattr(found, f) != merged[f] for f in FIELDS):
            changed.append((found, merged))
        else:
            same += 1
    return Changes(added=len(new), updated=len(changed), unchanged=same, detail=(new, changed))


def write_recipients(programme: Programme, changes: Changes) -> dict[str, int]:
    new, changed = changes.detail
    Recipient.objects.bulk_create(
        [Recipient(village=programme.village, programme=programme, **row) for row in new]
    )
    for found, row in changed:
        for f in FIELDS:
            setattr(found, f, row[f])
        found.save(update_fields=list(FIELDS))
    return {"added": len(new), "updated": len(changed), "unchanged": changes.unchanged}
