"""The request and objection registers in their standard columns (Perki 1/2018 lampiran), as
xlsx and PDF. They carry requester identities: staff-only, every download audit-logged, never
stored by a browser or proxy (balai.lib.exports, personal=True).

Requesters type most of the text: in the workbook it stays text (never a formula or a link),
and in the PDF it is escaped, since reportlab reads its paragraphs as markup (`<img src=…>`
would make it open a file, `<b>` left open would break the register)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from django.http import HttpResponse
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from balai.disclosure.models import InfoRequest, Objection
from balai.lib.exports import attachment, xlsx_response, xlsx_workbook
from balai.villages.models import Village

REGISTERS = ("permohonan", "keberatan")
FORMATS = ("xlsx", "pdf")

Rows = list[list[Any]]


def _d(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _request_rows(village: Village, year: int | None) -> tuple[list[str], Rows]:
    head = [
        _("No."),
        _("Nomor registrasi"),
        _("Tanggal diterima"),
        _("Cara"),
        _("Nama"),
        _("Alamat"),
        _("Telepon/email"),
        _("Pekerjaan"),
        _("Informasi yang diminta"),
        _("Tujuan"),
        _("Cara memperoleh"),
        _("Batas jawaban"),
        _("Diperpanjang"),
        _("Keputusan"),
        _("Alasan/dasar"),
        _("Tanggal jawaban"),
        _("Hari kerja"),
        _("Biaya (Rp)"),
    ]
    qs = InfoRequest.objects.for_village(village).order_by("received_on", "id")
    if year:
        qs = qs.filter(received_on__year=year)
    rows = []
    for i, r in enumerate(qs, start=1):
        reason = r.redaction_reason or r.exemption_ground or r.holder
        contact = " / ".join(x for x in (r.phone, r.email) if x)
        rows.append(
            [
                i,
                r.number,
                _d(r.received_on),
                r.get_channel_display(),
                r.name,
                r.address,
                contact,
                r.occupation,
                r.information,
                r.purpose,
                r.get_obtain_display(),
                _d(r.due_on),
                r.extension_reason,
                r.get_decision_display() or _("Diproses"),
                reason,
                _d(r.decided_on),
                "" if r.response_days is None else r.response_days,
                r.cost,
            ]
        )
    return head, rows


def _objection_rows(village: Village, year: int | None) -> tuple[list[str], Rows]:
    head = [
        _("No."),
        _("Nomor keberatan"),
        _("Tanggal diterima"),
        _("Nomor permohonan"),
        _("Nama pemohon"),
        _("Alasan keberatan"),
        _("Uraian"),
        _("Batas tanggapan"),
        _("Keputusan Atasan PPID"),
        _("Tanggapan"),
        _("Tanggal tanggapan"),
        _("Atasan PPID"),
    ]
    qs = Objection.objects.for_village(village).select_related("request").order_by("filed_on", "id")
    if year:
        qs = qs.filter(filed_on__year=year)
    rows = []
    for i, o in enumerate(qs, start=1):
        rows.append(
            [
                i,
                o.number,
                _d(o.filed_on),
                o.request.number,
                o.request.name,
                "; ".join(o.ground_labels),
                o.statement,
                _d(o.due_on),
                o.get_decision_display() or _("Diproses"),
                o.answer,
                _d(o.decided_on),
                o.decided_by,
            ]
        )
    return head, rows


def _xlsx(title: str, head: list[str], rows: Rows) -> bytes:
    out = io.BytesIO()
    book = xlsx_workbook(out)
    sheet = book.add_worksheet(title[:31])
    bold = book.add_format({"bold": True, "text_wrap": True, "bg_color": "#e8efe9", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet.write_row(0, 0, head, bold)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, row, wrap)
    sheet.set_column(0, 0, 5)
    sheet.set_column(1, len(head) - 1, 18)
    sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()


def _pdf(title: str, head: list[str], rows: Rows) -> bytes:
    out = io.BytesIO()
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=6.5, leading=8)
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=8 * mm,
        rightMargin=8 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=title,
    )
    data = [[Paragraph(escape(str(h)), cell) for h in head]]
    data += [[Paragraph(escape(str(v)), cell) for v in row] for row in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8efe9")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    doc.build([Paragraph(escape(title), styles["Heading2"]), Spacer(1, 4 * mm), table])
    return out.getvalue()


def register_file(*, village: Village, kind: str, fmt: str, year: int | None = None) -> bytes:
    if kind == "permohonan":
        head, rows = _request_rows(village, year)
        title = _("Register permohonan informasi %(v)s") % {"v": village.display_name}
    else:
        head, rows = _objection_rows(village, year)
        title = _("Register keberatan %(v)s") % {"v": village.display_name}
    if year:
        title += f" {year}"
    return _xlsx(title, head, rows) if fmt == "xlsx" else _pdf(title, head, rows)


def register_response(
    *, village: Village, kind: str, fmt: str, year: int | None = None
) -> HttpResponse:
    """The register as a download that no browser or proxy keeps."""
    content = register_file(village=village, kind=kind, fmt=fmt, year=year)
    name = f"register-{kind}-{village.slug}{'-' + str(year) if year else ''}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(name, content, personal=True)
    return attachment(HttpResponse(content, content_type="application/pdf"), name, personal=True)
