"""The sample request letter an applicant downloads, signs and uploads at the last step.

One text, two files: a PDF (reportlab, as the budget poster and the PPID registers) to print
and fill in by hand, and a Word document (.docx) to edit on a phone (WPS Office, Google Docs)
or a PC. python-docx is not a dependency, so the .docx is written here: a Word file is a zip
of three XML parts, and a one-column letter needs nothing else.

The letter may name the chosen desa/kelurahan (its Kemendagri code is public), never the
applicant: what the applicant typed stays in their session.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from balai.regions.models import Region

BLANK = "…………………………"


@dataclass(frozen=True)
class Line:
    text: str
    kind: str = "p"  # "p" paragraph, "h" heading (centred, bold), "gap" empty line, "right"


def letter_lines(region: Region | None, wanted_slug: str = "") -> list[Line]:
    """The letter, line by line, in the active language."""
    kind = region.get_type_display() if region else _("Desa/Kelurahan")
    name = region.name if region else BLANK
    kecamatan = region.parent.name if region and region.parent else BLANK
    head = _("Kepala Desa") if not region or not region.is_kelurahan else _("Lurah")
    address = f"/desa/{wanted_slug}/" if wanted_slug else BLANK
    return [
        Line(_("KOP SURAT %(kind)s %(name)s") % {"kind": kind.upper(), "name": name.upper()}, "h"),
        Line("", "gap"),
        Line(_("Nomor   : %(blank)s") % {"blank": BLANK}),
        Line(_("Lampiran: -")),
        Line(_("Perihal : Permohonan pembuatan situs web %(kind)s") % {"kind": kind.lower()}),
        Line("", "gap"),
        Line(
            _("Yth. Kepala Dinas Komunikasi dan Informatika %(d)s") % {"d": settings.DISTRICT_NAME}
        ),
        Line(_("di tempat")),
        Line("", "gap"),
        Line(_("Dengan hormat,")),
        Line(
            _(
                "Yang bertanda tangan di bawah ini, %(head)s %(name)s, Kecamatan %(kec)s, "
                "mengajukan permohonan pembuatan situs web resmi %(kind)s %(name)s di Balai "
                "%(district)s, dengan alamat situs yang diminta %(address)s."
            )
            % {
                "head": head,
                "name": name,
                "kec": kecamatan,
                "kind": kind.lower(),
                "district": settings.DISTRICT_NAME,
                "address": address,
            }
        ),
        Line(
            _(
                "Sebagai pengelola situs kami tunjuk Saudara/Saudari %(blank)s, jabatan "
                "%(blank)s, nomor WhatsApp %(blank)s. Kami bersedia mengelola isi situs "
                "sesuai ketentuan yang berlaku."
            )
            % {"blank": BLANK}
        ),
        Line(
            _(
                "Demikian permohonan ini kami sampaikan. Atas perhatiannya kami ucapkan "
                "terima kasih."
            )
        ),
        Line("", "gap"),
        Line(_("%(place)s, %(blank)s") % {"place": name, "blank": BLANK}, "right"),
        Line(_("%(head)s %(name)s") % {"head": head, "name": name}, "right"),
        Line(_("(tanda tangan dan cap)"), "right"),
        Line("", "gap"),
        Line(BLANK, "right"),
    ]


def letter_pdf(lines: list[Line]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=_("Contoh surat permohonan situs desa"),
        author=settings.DISTRICT_NAME,
    )
    base = getSampleStyleSheet()["BodyText"]
    styles = {
        "p": ParagraphStyle("p", parent=base, fontSize=11, leading=16, spaceAfter=4),
        "h": ParagraphStyle("h", parent=base, fontName="Helvetica-Bold", fontSize=13, alignment=1),
        "right": ParagraphStyle("r", parent=base, fontSize=11, leading=16, leftIndent=90 * mm),
    }
    story: list = []
    for line in lines:
        if line.kind == "gap":
            story.append(Spacer(1, 6 * mm))
        else:
            story.append(Paragraph(escape(line.text), styles[line.kind]))
    doc.build(story)
    return buffer.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _docx_paragraph(line: Line) -> str:
    props = ""
    run_props = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr>'
    if line.kind == "h":
        props = '<w:pPr><w:jc w:val="center"/></w:pPr>'
        run_props = (
            '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:sz w:val="26"/></w:rPr>'
        )
    elif line.kind == "right":
        props = '<w:pPr><w:ind w:left="5100"/></w:pPr>'
    text = escape(line.text)
    return f'<w:p>{props}<w:r>{run_props}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def letter_docx(lines: list[Line]) -> bytes:
    body = "".join(_docx_paragraph(line) for line in lines)
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1417" w:bottom="1134" w:left="1417" '
        'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body}{section}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()
