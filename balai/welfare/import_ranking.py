"""Checking a welfare-ranking file: each row names a household (through a member's NIK or a
No. KK) with its DTSEN decile or DTKS/BDT status; the village's own poverty finding is read
from separate columns and kept apart."""

from __future__ import annotations

from django.utils.translation import gettext as _

from balai.welfare.import_reader import parse_date
from balai.welfare.import_rows import Plan, Register

YES = {"ya", "y", "1", "miskin"}


def plan_ranking(rows: list[dict], *, village, progress) -> Plan:
    plan = Plan()
    register = Register(village)
    seen: dict[tuple, int] = {}
    for i, row in enumerate(rows):
        number = i + 2
        if not any(str(v).strip() for v in row.values()):
            continue
        progress(i, len(rows))
        before = len(plan.errors)
        person, fam = register.find(row, number, plan)
        household = person.household if person else None
        if household is None and fam is not None:
            member = fam.members.exclude(household=None).select_related("household").first()
            household = member.household if member else None
        if (person or fam) and household is None:
            plan.bad(number, "nik", _("Warga ini belum tercatat dalam rumah tangga mana pun."))
        decile = None
        raw = str(row.get("desil", "")).strip()
        if raw:
            decile = int(raw) if raw.isdigit() else 0
            if not 1 <= decile <= 10:
                plan.bad(number, "desil", _("Desil harus angka 1 sampai 10."))
        status = str(row.get("status_dtks", "")).strip()[:40]
        if not raw and not status:
            plan.bad(number, "desil", _("Isi desil (1–10) atau status DTKS/BDT."))
        data_date = parse_date(row.get("tanggal_data", ""))
        if data_date is None:
            plan.bad(number, "tanggal_data", _("Tanggal tidak terbaca; tulis 31-01-2026."))
        source = str(row.get("sumber", "")).strip()[:40] or "DTSEN"
        poor = str(row.get("miskin_desa", "")).strip().lower() in YES
        if poor and not str(row.get("alasan_desa", "")).strip():
            plan.bad(number, "alasan_desa", _("Tulis alasan desa menilai rumah tangga ini miskin."))
        if len(plan.errors) > before:
            continue
        key = (household.pk, source, data_date)
        if key in seen:
            plan.bad(
                number,
                "nik",
                _("Rumah tangga yang sama sudah ada di baris %(n)d.") % {"n": seen[key]},
            )
            continue
        seen[key] = number
        plan.rows.append(
            {
                "household": household,
                "decile": decile,
                "dtks_status": status,
                "data_date": data_date,
                "source": source,
                "poor_reason": str(row.get("alasan_desa", "")).strip()[:200] if poor else "",
            }
        )
    return plan
