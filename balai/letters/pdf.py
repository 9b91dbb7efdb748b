"""A letter as a PDF: the village letterhead (logo, name, address), the title underlined, the
number, the body's paragraphs and data tables, and the closing paragraph kept on one page with
the signature block and the QR code that opens the verification page.

Fonts are Liberation Serif (metric-compatible with Times New Roman, GPLv2 with the font
embedding exception, `fonts/LICENSE`), shipped in the app and embedded: nothing is fetched.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import segno
from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from balai.letters.context import long_date, village_values
from balai.letters.models import Letter, Paper
from balai.letters.placeholders import blocks
from balai.villages.models import Village

FONTS = Path(__file__).parent / "fonts"
F4 = (215 * mm, 330 * mm)
SIZES = {Paper.A4: A4, Paper.F4: F4}
FONT = "LetterSerif"


@functools.cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(f"{FONT}-Bold", str(FONTS / "LiberationSerif-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(f"{FONT}-Italic", str(FONTS / "LiberationSerif-Italic.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=f"{FONT}-Bold", italic=f"{FONT}-Italic", boldItalic=f"{FONT}-Bold"
    )


def _styles(size: float = 12) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.3)
    return {
        "body": ParagraphStyle(
            "b", base, alignment=TA_JUSTIFY, spaceAfter=size * 0.6, firstLineIndent=12 * mm
        ),
        "cell": ParagraphStyle("c", base, leading=size * 1.22),
        "head": ParagraphStyle("h", base, alignment=TA_CENTER, fontSize=13, leading=16),
        "village": ParagraphStyle(
            "v", base, alignment=TA_CENTER, fontName=f"{FONT}-Bold", fontSize=16, leading=20
        ),
        "address": ParagraphStyle("a", base, alignment=TA_CENTER, fontSize=10, leading=12),
        "title": ParagraphStyle(
            "t", base, alignment=TA_CENTER, fontName=f"{FONT}-Bold", fontSize=13, leading=16
        ),
        "number": ParagraphStyle("n", base, alignment=TA_CENTER, spaceAfter=14),
        "sign": ParagraphStyle("s", base, alignment=TA_CENTER, leading=size * 1.22),
        "small": ParagraphStyle("sm", base, fontSize=8, leading=10, alignment=TA_CENTER),
    }


class Rule(Flowable):
    """The double line under the letterhead."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 4

    def draw(self) -> None:
        self.canv.setLineWidth(2)
        self.canv.line(0, 3, self.width, 3)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 0, self.width, 0)


def _logo(village: Village) -> Any:
    if not village.logo:
        return ""
    try:
        with village.logo.open("rb") as stored:
            data = io.BytesIO(stored.read())
        return Image(data, width=22 * mm, height=22 * mm, kind="proportional")
    except (OSError, ValueError):
        return ""  # a missing file must not stop the counter: the letter goes without a logo


def letterhead(village: Village, width: float, st: dict[str, ParagraphStyle]) -> list[Any]:
    values = village_values(village)
    lines = [
        Paragraph(
            escape(_("PEMERINTAH KABUPATEN %s") % values["desa.kabupaten"].upper()), st["head"]
        ),
        Paragraph(escape(_("KECAMATAN %s") % values["desa.kecamatan"].upper()), st["head"]),
        Paragraph(escape(village.display_name.upper()), st["village"]),
    ]
    contact = ", ".join(p for p in (village.office_address, village.phone, village.email) if p)
    if contact:
        lines.append(Paragraph(escape(contact), st["address"]))
    logo = _logo(village)
    table = Table([[logo, lines, ""]], colWidths=[26 * mm, width - 52 * mm, 26 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [table, Spacer(1, 2 * mm), Rule(width), Spacer(1, 6 * mm)]


def _data_table(rows: list[tuple[str, str]], width: float, st: dict[str, ParagraphStyle]) -> Table:
    cells = [
        [Paragraph(escape(label), st["cell"]), ":", Paragraph(escape(value), st["cell"])]
        for label, value in rows
    ]
    label_width = 55 * mm
    table = Table(cells, colWidths=[label_width, 4 * mm, width - label_width - 16 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), st["cell"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    table.hAlign = "RIGHT"
    return table


def qr_image(url: str) -> Image:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=4, border=1)
    out.seek(0)
    return Image(out, width=24 * mm, height=24 * mm)


def signature(
    letter: Letter, village: Village, url: str, width: float, st: dict[str, ParagraphStyle]
) -> Table:
    head = village_values(village)["desa.kepala_sebutan"]
    place = village.name.title()
    lines = [Paragraph(escape(f"{place}, {long_date(letter.issued_on)}"), st["sign"])]
    if letter.on_behalf:
        lines.append(
            Paragraph(
                escape(
                    _("a.n. %(head)s %(village)s") % {"head": head, "village": village.name.title()}
                ),
                st["sign"],
            )
        )
        lines.append(Paragraph(escape(letter.signer_position), st["sign"]))
    else:
        lines.append(
            Paragraph(escape(f"{letter.signer_position} {village.name.title()}"), st["sign"])
        )
    lines += [
        Spacer(1, 22 * mm),
        Paragraph(f"<b><u>{escape(letter.signer_name)}</u></b>", st["sign"]),
    ]
    check = [
        qr_image(url),
        Paragraph(escape(_("Pindai untuk memeriksa keaslian surat")), st["small"]),
    ]
    table = Table([[check, "", lines]], colWidths=[34 * mm, width - 114 * mm, 80 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (0, 0), "BOTTOM"),
                ("VALIGN", (2, 0), (2, 0), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def verification_url(letter: Letter, village: Village) -> str:
    return f"{village.public_base_url()}surat/cek/{letter.verify_code}/"


def letter_story(letter: Letter, village: Village, width: float, size: float = 12) -> list[Any]:
    st = _styles(size)
    story = letterhead(village, width, st)
    story.append(Paragraph(f"<u>{escape(letter.title.upper())}</u>", st["title"]))
    story.append(Paragraph(escape(_("Nomor: %s") % letter.number), st["number"]))
    found = blocks(letter.text)
    closing = found.pop() if found and not found[-1].rows else None
    for block in found:
        if block.rows:
            story += [_data_table(block.rows, width, st), Spacer(1, 8)]
        else:
            story.append(Paragraph(escape(block.text), st["body"]))
    tail: list[Any] = []
    if closing:
        tail.append(Paragraph(escape(closing.text), st["body"]))
    tail += [
        Spacer(1, 6 * mm),
        signature(letter, village, verification_url(letter, village), width, st),
    ]
    # The closing paragraph and the signature block never part (issue 15).
    story.append(KeepTogether(tail))
    return story


# A letter is one sheet: a long one is set a point smaller until it fits (the closing and the
# signature stay together in any case).
FONT_SIZES = (12, 11, 10.5, 10, 9.5, 9)


def letter_pdf_bytes(letter: Letter, village: Village) -> bytes:
    _register_fonts()
    paper = SIZES.get(Paper(letter.paper), A4)
    for size in FONT_SIZES:
        out = io.BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=paper,
            leftMargin=25 * mm,
            rightMargin=20 * mm,
            topMargin=12 * mm,
            bottomMargin=15 * mm,
            title=f"{letter.title} {letter.number}",
            author=village.display_name,
            creator="Balai",
        )
        doc.build(letter_story(letter, village, paper[0] - 45 * mm, size))
        if doc.page == 1:
            break
    return out.getvalue()
