"""The semester realisation report (Laporan Realisasi Pelaksanaan APBDes Semester I/II): one
or two A4 pages of budget against realisation up to the end of the semester, by income source,
bidang and sub-bidang, and financing."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import escape
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from balai.budget import services, tree
from balai.budget.models import BudgetLine, FiscalYear
from balai.budget.selectors import source_label
from balai.lib.numbers import percent, rupiah


def semester_of(fiscal_year: FiscalYear, today: datetime.date | None = None) -> int:
    """Semester II once the year is past June, else I (the report covers what has happened)."""
    today = today or timezone.localdate()
    return 1 if today.year == fiscal_year.year and today.month <= 6 else 2


def _rows(fiscal_year: FiscalYear, until: datetime.date) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in BudgetLine.objects.filter(fiscal_year=fiscal_year)
        .annotate(
            realised=Coalesce(
                Sum("realisations__amount", filter=Q(realisations__date__lte=until)), 0
            )
        )
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


def _line(label: str, item: dict, level: int = 0) -> list:
    budget, realised = item["budget"], item["realised"]
    return [
        (level, label),
        rupiah(budget),
        rupiah(realised),
        rupiah(realised - budget),
        percent(realised, budget),
    ]


def semester_report_pdf(*, village, fiscal_year: FiscalYear, semester: int) -> bytes:
    until = datetime.date(fiscal_year.year, *((6, 30) if semester == 1 else (12, 31)))
    summary = services.summary_build(_rows(fiscal_year, until))
    totals = summary["totals"]
    styles = getSampleStyleSheet()
    data: list[list[Any]] = [["Uraian", "Anggaran", "Realisasi", "Lebih/(kurang)", "%"]]
    bold_rows = []

    def section(label: str, key: str) -> None:
        bold_rows.append(len(data))
        data.append(_line(label, {"budget": totals[key][0], "realised": totals[key][1]}))

    section("PENDAPATAN", "income")
    for item in summary["income_by_source"]:
        data.append(_line(source_label(item["code"]), item, 1))
    section("BELANJA", "spending")
    for b in summary["bidang"]:
        bold_rows.append(len(data))
        data.append(_line(f"{b['code']} {tree.account_name('bidang', b['code'])}", b, 1))
        for s in b["subs"]:
            data.append(_line(f"{s['code']} {tree.account_name('bidang', s['code'])}", s, 2))
    section("PENERIMAAN PEMBIAYAAN", "fin_in")
    section("PENGELUARAN PEMBIAYAAN", "fin_out")
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    levels = [cell.clone(f"cell{n}", leftIndent=n * 4 * mm) for n in range(3)]
    data = [
        [Paragraph(escape(r[0][1]), levels[r[0][0]]), *r[1:]] if i else r
        for i, r in enumerate(data)
    ]
    table = Table(data, colWidths=[74 * mm, 30 * mm, 30 * mm, 30 * mm, 14 * mm], repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8efe9")),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c9d1cc")),
    ]
    style += [("FONT", (1, r), (-1, r), "Helvetica-Bold", 8) for r in bold_rows]
    table.setStyle(TableStyle(style))
    roman = "I" if semester == 1 else "II"
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"Laporan Realisasi APBDes Semester {roman} {fiscal_year.year}",
    )
    kecamatan = village.region.parent.name if village.region.parent else ""
    story = [
        Paragraph(f"LAPORAN REALISASI PELAKSANAAN APBDES SEMESTER {roman}", styles["Title"]),
        Paragraph(
            f"{village.display_name.upper()} · KECAMATAN {kecamatan.upper()} · "
            f"TAHUN ANGGARAN {fiscal_year.year}",
            styles["Heading4"],
        ),
        Paragraph(
            f"Realisasi sampai dengan {until.day}-{until.month:02d}-{until.year}. "
            "Anggaran adalah anggaran perubahan bila ada.",
            styles["BodyText"],
        ),
        Spacer(1, 4 * mm),
        table,
    ]
    doc.build(story)
    return out.getvalue()
