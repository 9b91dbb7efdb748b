"""Writes to a village's APBDes: years, lines, realisation, approval, and the stored figures.

Every write that changes what the public sees recomputes the year's figures; saving the year
bumps the village's content version (FiscalYear is public content), so cached pages show the
change once it commits.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.budget import tree
from balai.budget.models import BudgetLine, FiscalYear, Realisation
from balai.budget.selectors import year_balance
from balai.lib.numbers import rupiah
from balai.villages.models import Village


def fiscal_year_create(*, village: Village, year: int, actor: Any) -> FiscalYear:
    if village.is_kelurahan:
        raise ValidationError(_("Kelurahan tidak menyusun APBDes."))
    if FiscalYear.objects.for_village(village).filter(year=year).exists():
        raise ValidationError(_("APBDes tahun %(year)s sudah ada.") % {"year": year})
    fiscal_year = FiscalYear.objects.create(village=village, year=year)
    audit_record(actor=actor, action="budget.year_create", target=str(year), village=village)
    return fiscal_year


def _line_rows(fiscal_year: FiscalYear) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in BudgetLine.objects.filter(fiscal_year=fiscal_year)
        .annotate(realised=Coalesce(Sum("realisations__amount"), 0))
        .values(
            "kind",
            "kegiatan__code",
            "account__code",
            "source",
            "original_amount",
            "revised_amount",
            "realised",
        )
    ]


def _add(bucket: dict, key: str, budget: int, realised: int, **extra: Any) -> dict:
    item = bucket.setdefault(key, {"code": key, "budget": 0, "realised": 0, **extra})
    item["budget"] += budget
    item["realised"] += realised
    return item


def summary_build(rows: list[dict]) -> dict:
    """The figures of one year from its lines (plain dicts, so imports can preview them)."""
    totals = {kind: [0, 0] for kind in ("income", "spending", "fin_in", "fin_out")}
    income: dict = {}
    spending_source: dict = {}
    bidang: dict = {}
    financing: dict = {}
    for row in rows:
        budget = row["original_amount"] if row["revised_amount"] is None else row["revised_amount"]
        realised, kind = row["realised"], row["kind"]
        totals[kind][0] += budget
        totals[kind][1] += realised
        if kind == "income":
            _add(income, tree.income_source(row["account__code"]), budget, realised)
        elif kind == "spending":
            _add(spending_source, row["source"] or "LAIN", budget, realised)
            code = row["kegiatan__code"] or ""
            b_code, s_code = code.split(".")[0], ".".join(code.split(".")[:2])
            b = _add(bidang, b_code, budget, realised, subs={})
            s = _add(b["subs"], s_code, budget, realised, kegiatan={})
            _add(s["kegiatan"], code, budget, realised)
        else:
            jenis = ".".join(row["account__code"].split(".")[:3])
            _add(financing, jenis, budget, realised, kind=kind)
    bidang_list = []
    for b in sorted(bidang.values(), key=lambda x: x["code"]):
        subs = []
        for s in sorted(b.pop("subs").values(), key=lambda x: x["code"]):
            s["kegiatan"] = sorted(s["kegiatan"].values(), key=lambda x: x["code"])
            subs.append(s)
        b["subs"] = subs
        bidang_list.append(b)
    return {
        "totals": totals,
        "income_by_source": sorted(income.values(), key=lambda x: -x["budget"]),
        "spending_by_source": sorted(spending_source.values(), key=lambda x: -x["budget"]),
        "bidang": bidang_list,
        "financing": sorted(financing.values(), key=lambda x: x["code"]),
    }


def fiscal_year_summarise(*, fiscal_year: FiscalYear) -> FiscalYear:
    """Recompute and store the year's figures; called after every change to its lines."""
    rows = _line_rows(fiscal_year)
    summary = summary_build(rows)
    totals = summary["totals"]
    dds = [r for r in rows if r["kind"] == "spending" and r["source"] == "DDS"]
    dd_income = next((s for s in summary["income_by_source"] if s["code"] == "DDS"), None)
    fiscal_year.summary = summary
    fiscal_year.income_budget, fiscal_year.income_realised = totals["income"]
    fiscal_year.spending_budget, fiscal_year.spending_realised = totals["spending"]
    fiscal_year.financing_in = totals["fin_in"][0]
    fiscal_year.financing_out = totals["fin_out"][0]
    fiscal_year.dana_desa_budget = dd_income["budget"] if dd_income else 0
    fiscal_year.dana_desa_spent = sum(r["realised"] for r in dds)
    fiscal_year.line_count = len(rows)
    last = Realisation.objects.filter(line__fiscal_year=fiscal_year).order_by("-date").first()
    fiscal_year.realised_until = last.date if last else None
    fiscal_year.save()
    return fiscal_year


def _check_balance(fiscal_year: FiscalYear, imbalance_accepted: bool) -> dict[str, int]:
    """An unbalanced APBDes is set only when the person has seen the difference and said so."""
    balance = year_balance(fiscal_year)  # the stored totals follow every change of a line
    if balance.balanced:
        return {}
    if not imbalance_accepted:
        raise ValidationError(
            _(
                "APBDes ini tidak seimbang (selisih %(gap)s). Perbaiki barisnya, atau nyatakan "
                "bahwa Anda sudah memeriksanya."
            )
            % {"gap": rupiah(balance.gap)},
            code="unbalanced",
        )
    return {"selisih": balance.difference}


def fiscal_year_approve(
    *,
    fiscal_year: FiscalYear,
    perdes_number: str,
    perdes_date: datetime.date,
    actor: Any,
    imbalance_accepted: bool = False,
) -> FiscalYear:
    kinds = set(BudgetLine.objects.filter(fiscal_year=fiscal_year).values_list("kind", flat=True))
    if not {"income", "spending"} <= kinds:
        raise ValidationError(
            _("APBDes belum lengkap: isi dulu baris pendapatan dan belanja sebelum ditetapkan.")
        )
    extra = _check_balance(fiscal_year, imbalance_accepted)
    fiscal_year.status = FiscalYear.Status.APPROVED
    fiscal_year.perdes_number, fiscal_year.perdes_date = perdes_number, perdes_date
    with transaction.atomic():
        fiscal_year.save()
        audit_record(
            actor=actor,
            action="budget.year_approve",
            target=str(fiscal_year.year),
            village=fiscal_year.village,
            perdes=perdes_number,
            **extra,
        )
    return fiscal_year_summarise(fiscal_year=fiscal_year)


def fiscal_year_revise(
    *,
    fiscal_year: FiscalYear,
    revision_number: str,
    revision_date: datetime.date,
    actor: Any,
    imbalance_accepted: bool = False,
) -> FiscalYear:
    if fiscal_year.status == FiscalYear.Status.DRAFT:
        raise ValidationError(_("Tetapkan APBDes dulu sebelum mencatat perubahannya."))
    extra = _check_balance(fiscal_year, imbalance_accepted)
    fiscal_year.status = FiscalYear.Status.REVISED
    fiscal_year.revision_number, fiscal_year.revision_date = revision_number, revision_date
    with transaction.atomic():
        fiscal_year.save()
        audit_record(
            actor=actor,
            action="budget.year_revise",
            target=str(fiscal_year.year),
            village=fiscal_year.village,
            perdes=revision_number,
            **extra,
        )
    return fiscal_year_summarise(fiscal_year=fiscal_year)


def line_save(*, line: BudgetLine, actor: Any) -> BudgetLine:
    """Save a line checked by its form: kind follows the account; income carries its source."""
    code = line.account.code
    line.kind = tree.line_kind(code)
    if line.kind == "income":
        line.source = tree.income_source(code)
    elif line.kind != "spending":
        line.source, line.kegiatan = "", None
    with transaction.atomic():
        line.save()
        audit_record(
            actor=actor,
            action="budget.line_save",
            target=f"{line.fiscal_year.year} {code}",
            village=line.village,
        )
    fiscal_year_summarise(fiscal_year=line.fiscal_year)
    return line


def line_delete(*, line: BudgetLine, actor: Any) -> None:
    fiscal_year = line.fiscal_year
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="budget.line_delete",
            target=f"{fiscal_year.year} {line.account.code}",
            village=line.village,
        )
        line.delete()
    fiscal_year_summarise(fiscal_year=fiscal_year)


def realisation_add(
    *, line: BudgetLine, date: datetime.date, amount: int, note: str, actor: Any
) -> Realisation:
    with transaction.atomic():
        realisation = Realisation.objects.create(
            village=line.village, line=line, date=date, amount=amount, note=note
        )
        audit_record(
            actor=actor,
            action="budget.realisation_add",
            target=f"{line.fiscal_year.year} {line.account.code}",
            village=line.village,
            amount=amount,
        )
    fiscal_year_summarise(fiscal_year=line.fiscal_year)
    return realisation
