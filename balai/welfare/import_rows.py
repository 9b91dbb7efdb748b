"""Checking every row of a welfare file against the register and the programme rules. Each
bad row is reported by row number, column and an Indonesian reason; unmatched NIK/No. KK rows
are listed as errors, never silently dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from balai.population.models import Family, Resident
from balai.welfare.import_reader import digits, parse_date, parse_rupiah
from balai.welfare.models import Programme, Recipient

STATUS_WORDS = {"": "active", "aktif": "active", "berhenti": "ended", "diganti": "replaced"}


@dataclass
class Plan:
    rows: list[dict] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)

    def bad(self, number: int, column: str, reason: str) -> None:
        self.errors.append((number, column, reason))


class Register:
    """The village's residents and families by NIK and No. KK, read once per file."""

    def __init__(self, village) -> None:
        residents = Resident.objects.for_village(village).filter(status=Resident.ALIVE)
        self.by_nik = {r.nik: r for r in residents.select_related("family", "household")}
        self.families = {f.number: f for f in Family.objects.for_village(village)}

    def find(self, row: dict, number: int, plan: Plan):
        nik, kk = digits(row.get("nik", "")), digits(row.get("no_kk", ""))
        for column, value in (("nik", nik), ("no_kk", kk)):
            if value and not re.fullmatch(r"\d{16}", value):
                plan.bad(number, column, _("Harus 16 angka (ketik sebagai teks, bukan angka)."))
                return None, None
        if nik:
            person = self.by_nik.get(nik)
            if person is None:
                plan.bad(number, "nik", _("NIK tidak ada di data penduduk desa."))
            return person, person.family if person else None
        if kk:
            fam = self.families.get(kk)
            if fam is None:
                plan.bad(number, "no_kk", _("No. KK tidak ada di data penduduk desa."))
            return None, fam
        plan.bad(number, "nik", _("Isi NIK atau No. KK."))
        return None, None


def _target(programme: Programme, person, fam, number: int, plan: Plan) -> dict | None:
    unit = programme.unit
    if unit in (Programme.Unit.PERSON, Programme.Unit.GROUP):
        if person is None:
            plan.bad(number, "nik", _("Program ini untuk perorangan: isi NIK."))
            return None
        return {"resident": person, "name": person.name, "area_id": person.area_id}
    if unit == Programme.Unit.FAMILY:
        head = person or fam.members.order_by("family_relation", "id").first()
        return {"family": fam, "name": head.name if head else fam.number, "area_id": fam.area_id}
    head = person or fam.members.exclude(household=None).select_related("household").first()
    if head is None or head.household is None:
        plan.bad(number, "nik", _("Warga ini belum tercatat dalam rumah tangga mana pun."))
        return None
    return {"household": head.household, "name": head.name, "area_id": head.household.area_id}


def _key(target: dict) -> tuple:
    for kind in ("resident", "family", "household"):
        if kind in target:
            return kind, target[kind].pk
    return ("", 0)


def _stored_key(r: Recipient) -> tuple:
    if r.resident_id:
        return "resident", r.resident_id
    if r.family_id:
        return "family", r.family_id
    return "household", r.household_id


def _overlaps(a: date, b: date | None, c: date, d: date | None) -> bool:
    return a <= (d or date.max) and c <= (b or date.max)


def _parse_recipient(row: dict, number: int, programme: Programme, plan: Plan) -> dict | None:
    start = parse_date(row.get("mulai") or programme.period_start)
    end = parse_date(row["selesai"]) if row.get("selesai") else None
    before = len(plan.errors)
    if start is None:
        plan.bad(number, "mulai", _("Tanggal tidak terbaca; tulis 31-01-2026."))
    if row.get("selesai") and end is None:
        plan.bad(number, "selesai", _("Tanggal tidak terbaca; tulis 31-01-2026."))
    if start and end and end < start:
        plan.bad(number, "selesai", _("Tanggal selesai sebelum tanggal mulai."))
    amount = programme.amount
    if row.get("nilai"):
        amount = parse_rupiah(row["nilai"])
        if amount is None:
            plan.bad(number, "nilai", _("Nilai rupiah tidak terbaca; tulis 300.000 atau 300000."))
    status = STATUS_WORDS.get(str(row.get("status", "")).strip().lower())
    if status is None:
        plan.bad(number, "status", _("Isi aktif, berhenti atau diganti."))
    elif status != "active" and not row.get("alasan"):
        plan.bad(number, "alasan", _("Tulis alasan penerima berhenti atau diganti."))
    if len(plan.errors) > before:
        return None
    return {
        "card_number": str(row.get("nomor_kartu", ""))[:40],
        "start": start,
        "end": end,
        "amount": amount,
        "status": status,
        "status_reason": str(row.get("alasan", ""))[:200],
    }


def _conflicts(programme: Programme, key: tuple, start, end, others: list[Recipient]) -> str:
    for other in others:
        if (
            (other.resident_id and key == ("resident", other.resident_id))
            or (other.family_id and key == ("family", other.family_id))
            or (other.household_id and key == ("household", other.household_id))
        ):
            if other.status == "active" and _overlaps(start, end, other.start, other.end):
                return _(
                    "Sudah menerima %(p)s pada periode yang sama; program ini saling meniadakan."
                ) % {"p": other.programme.name}
    return ""


def plan_recipients(rows: list[dict], *, programme: Programme, progress) -> Plan:
    plan = Plan()
    register = Register(programme.village)
    exclusive = []
    if programme.exclusive_group:
        exclusive = list(
            Recipient.objects.for_village(programme.village)
            .filter(programme__exclusive_group=programme.exclusive_group, status="active")
            .exclude(programme=programme)
            .select_related("programme")
        )
    seen: dict[tuple, list[tuple[int, date, date | None]]] = {}
    stored: dict[tuple, list[tuple[date, date | None]]] = {}
    for r in Recipient.objects.for_village(programme.village).filter(programme=programme):
        stored.setdefault(_stored_key(r), []).append((r.start, r.end))
    for i, row in enumerate(rows):
        number = i + 2  # the header is row 1
        if not any(str(v).strip() for v in row.values()):
            continue
        progress(i, len(rows))
        person, fam = register.find(row, number, plan)
        if person is None and fam is None:
            continue
        target = _target(programme, person, fam, number, plan)
        values = _parse_recipient(row, number, programme, plan)
        if target is None or values is None:
            continue
        key = _key(target)
        for other_number, start, end in seen.get(key, []):
            if _overlaps(values["start"], values["end"], start, end):
                plan.bad(
                    number,
                    "mulai",
                    _("Periode tumpang tindih dengan baris %(n)d.") % {"n": other_number},
                )
                break
        else:
            if any(
                s != values["start"] and _overlaps(values["start"], values["end"], s, e)
                for s, e in stored.get(key, [])
            ):
                plan.bad(
                    number,
                    "mulai",
                    _("Periode tumpang tindih dengan data penerima yang sudah ada."),
                )
                continue
            clash = _conflicts(programme, key, values["start"], values["end"], exclusive)
            if clash and values["status"] == "active":
                plan.bad(number, "nik", clash)
                continue
            seen.setdefault(key, []).append((number, values["start"], values["end"]))
            plan.rows.append({**target, **values})
    return plan
