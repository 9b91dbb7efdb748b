"""Reads for the public pages and the district view. They read the stored figures
(FiscalYear totals and summary), never add lines up on a request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet, Sum
from django.db.models.functions import Coalesce, Substr
from django.urls import reverse
from django.utils.translation import gettext as _

from balai.budget import tree
from balai.budget.models import BudgetLine, FiscalYear, Project, Source
from balai.lib.numbers import percent
from balai.villages.models import Village

PUBLIC = [FiscalYear.Status.APPROVED, FiscalYear.Status.REVISED]


def public_years(village: Village) -> list[FiscalYear]:
    return list(FiscalYear.objects.for_village(village).filter(status__in=PUBLIC).defer("summary"))


def public_year(village: Village, year: int) -> FiscalYear | None:
    return FiscalYear.objects.for_village(village).filter(status__in=PUBLIC, year=year).first()


def published_projects(village: Village) -> QuerySet[Project]:
    return (
        Project.objects.for_village(village)
        .filter(is_published=True, fiscal_year__status__in=PUBLIC)
        .select_related("fiscal_year")
    )


def has_budget_section(village: Village) -> bool:
    if village.is_kelurahan:
        return False
    return FiscalYear.objects.for_village(village).filter(status__in=PUBLIC).exists()


def _row(item: dict, label: str) -> dict:
    return {**item, "label": label, "percent": percent(item["realised"], item["budget"])}


def source_label(code: str) -> str:
    try:
        return str(Source(code).label)
    except ValueError:
        return code


def year_tables(fiscal_year: FiscalYear) -> dict:
    """The stored summary with labels and percentages, ready for the page and the poster."""
    summary = fiscal_year.summary or {}
    t = summary.get("totals", {})
    totals = []
    for key, label in (
        ("income", _("Pendapatan")),
        ("spending", _("Belanja")),
        ("fin_in", _("Penerimaan pembiayaan")),
        ("fin_out", _("Pengeluaran pembiayaan")),
    ):
        budget, realised = t.get(key, [0, 0])
        totals.append(_row({"code": key, "budget": budget, "realised": realised}, label))
    income = [_row(i, source_label(i["code"])) for i in summary.get("income_by_source", [])]
    by_source = [_row(i, source_label(i["code"])) for i in summary.get("spending_by_source", [])]
    bidang = []
    for b in summary.get("bidang", []):
        row = _row(b, tree.account_name("bidang", b["code"]))
        row["short"] = str(tree.BIDANG_SHORT.get(b["code"], row["label"]))
        row["subs"] = []
        for s in b["subs"]:
            sub = _row(s, tree.account_name("bidang", s["code"]))
            sub["kegiatan"] = [
                _row(k, tree.account_name("bidang", k["code"])) for k in s["kegiatan"]
            ]
            row["subs"].append(sub)
        bidang.append(row)
    financing = [
        {**_row(f, tree.account_name("ekonomi", f["code"])), "outgoing": f["kind"] == "fin_out"}
        for f in summary.get("financing", [])
    ]
    surplus = t.get("income", [0, 0])[0] - t.get("spending", [0, 0])[0]
    net_financing = t.get("fin_in", [0, 0])[0] - t.get("fin_out", [0, 0])[0]
    return {
        "totals": totals,
        "income": income,
        "spending_by_source": by_source,
        "bidang": bidang,
        "financing": financing,
        "surplus": surplus,
        "net_financing": net_financing,
        "silpa": surplus + net_financing,
    }


@dataclass(frozen=True)
class Balance:
    """Whether a year's APBDes balances: income plus net financing covers spending exactly
    (the surplus or deficit is closed by financing, leaving no unplanned SiLPA)."""

    income: int
    spending: int
    financing_in: int
    financing_out: int

    @property
    def net_financing(self) -> int:
        return self.financing_in - self.financing_out

    @property
    def difference(self) -> int:
        """Positive: money left unplanned; negative: spending not covered."""
        return self.income + self.net_financing - self.spending

    @property
    def balanced(self) -> bool:
        return self.difference == 0

    @property
    def gap(self) -> int:
        return abs(self.difference)


def year_balance(fiscal_year: FiscalYear) -> Balance:
    """From the stored totals (revised amounts where the year has them)."""
    return Balance(
        income=fiscal_year.income_budget,
        spending=fiscal_year.spending_budget,
        financing_in=fiscal_year.financing_in,
        financing_out=fiscal_year.financing_out,
    )


def export_lines(fiscal_year: FiscalYear) -> QuerySet[BudgetLine]:
    return (
        BudgetLine.objects.filter(fiscal_year=fiscal_year)
        .select_related("kegiatan", "account")
        .annotate(realised=Coalesce(Sum("realisations__amount"), 0))
        .order_by(Substr("account__code", 1, 1), "kegiatan__code", "account__code", "source")
    )


EXPORT_HEADER = [
    "jenis",
    "kegiatan",
    "nama_kegiatan",
    "kode",
    "rekening",
    "uraian",
    "sumber",
    "anggaran",
    "perubahan",
    "realisasi",
]


def export_rows(fiscal_year: FiscalYear) -> list[list[Any]]:
    """Every line of the year as the rows of its public CSV, header first."""
    rows: list[list[Any]] = [list(EXPORT_HEADER)]
    for line in export_lines(fiscal_year):
        rows.append(
            [
                line.get_kind_display(),
                line.kegiatan.code if line.kegiatan else "",
                line.kegiatan.name if line.kegiatan else "",
                line.account.code,
                line.account.name,
                line.description,
                line.source,
                line.original_amount,
                "" if line.revised_amount is None else line.revised_amount,
                line.realised,  # type: ignore[attr-defined]  # annotated by export_lines
            ]
        )
    return rows


def district_years(year: int) -> list[dict]:
    """Every live desa with its APBDes of `year` (or none), one query."""
    villages = (
        Village.objects.filter(status=Village.Status.LIVE)
        .exclude(region__type="kelurahan")
        .select_related("region", "region__parent")
        .order_by("region__name")
    )
    by_village = {
        fy.village_id: fy
        for fy in FiscalYear.objects.filter(
            year=year, status__in=PUBLIC, village__in=villages
        ).defer("summary")
    }
    prefix = reverse("site:home", kwargs={"village_slug": "x"})[: -len("x/")]
    rows = []
    for village in villages:
        fy = by_village.get(village.pk)
        rows.append(
            {
                "village": village,
                "fy": fy,
                "budget": fy.spending_budget if fy else 0,
                "percent": (fy.spending_realised * 100 / fy.spending_budget)
                if fy and fy.spending_budget
                else 0,
                "dana_desa_spent": fy.dana_desa_spent if fy else 0,
                "status": fy.get_status_display() if fy else "",
                "href": f"{prefix}{village.slug}/apbdes/{year}/",
            }
        )
    return rows


def district_totals(year: int) -> dict:
    """District totals by source of income and by bidang, GROUP BY on the same lines."""
    lines = BudgetLine.objects.filter(
        fiscal_year__year=year,
        fiscal_year__status__in=PUBLIC,
        fiscal_year__village__status=Village.Status.LIVE,
    )
    budget = Coalesce("revised_amount", "original_amount")
    income = (
        lines.filter(kind="income").values("source").annotate(total=Sum(budget)).order_by("-total")
    )
    bidang = (
        lines.filter(kind="spending")
        .annotate(b=Substr("kegiatan__code", 1, 1))
        .values("b")
        .annotate(total=Sum(budget))
        .order_by("b")
    )
    return {
        "income": [{"label": source_label(r["source"]), "total": r["total"]} for r in income],
        "bidang": [
            {"label": str(tree.BIDANG_SHORT.get(r["b"], r["b"])), "total": r["total"]}
            for r in bidang
        ],
    }
