"""The outgoing-letter register (buku agenda surat keluar) of one year, as xlsx or PDF."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from balai.letters.context import long_date
from balai.letters.models import Letter
from balai.letters.pdf import FONT, _register_fonts
from balai.lib.exports import xlsx_bytes
from balai.villages.models import Village

FORMATS = ("xlsx", "pdf")


def register_rows(village: Village, year: int) -> list[list[Any]]:
    header = [
        _("No."),
        _("Nomor surat"),
        _("Tanggal"),
        _("Jenis surat"),
        _("Kode"),
        _("Penduduk"),
        _("Penanda tangan"),
        _("Keterangan"),
    ]
    rows: list[list[Any]] = [header]
    letters = (
        Letter.objects.for_village(village)
        .filter(year=year)
        .order_by("issued_on", "sequence", "id")
    )
    for i, letter in enumerate(letters.iterator(), 1):
        note = _("Dibatalkan: %s") % letter.revoked_reason if letter.is_revoked else ""
        signer = ("a.n. " if letter.on_behalf else "") + letter.signer_name
        rows.append(
            [
                i,
                letter.number,
                long_date(letter.issued_on),
                letter.title,
                letter.code,
                letter.resident_name,
                signer,
                note,
            ]
        )
    return rows


def register_xlsx(village: Village, year: int) -> bytes:
    widths = {0: 5, 1: 24, 2: 18, 3: 36, 4: 8, 5: 28, 6: 28, 7: 30}
    return xlsx_bytes({_("Surat keluar %s") % year: register_rows(village, year)}, widths=widths)


def register_pdf(village: Village, year: int) -> bytes:
    _register_fonts()
    style = ParagraphStyle("r", fontName=FONT, fontSize=8, leading=10)
    head = ParagraphStyle("h", style, fontName=f"{FONT}-Bold", fontSize=12, leading=15)
    rows = [[Paragraph(escape(str(c)), style) for c in row] for row in register_rows(village, year)]
    out = io.BytesIO()
    size = landscape(A4)
    doc = SimpleDocTemplate(out, pagesize=size, leftMargin=12 * mm, rightMargin=12 * mm)
    title = _("Buku Agenda Surat Keluar %(village)s Tahun %(year)s") % {
        "village": village.display_name,
        "year": year,
    }
    widths = [10, 42, 28, 60, 14, 45, 45, 0]
    widths[-1] = (size[0] / mm) - 24 - sum(widths)
    table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#444444"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
            ]
        )
    )
    doc.build([Paragraph(escape(title), head), table])
    return out.getvalue()
