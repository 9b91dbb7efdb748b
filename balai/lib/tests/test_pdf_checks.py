"""A PDF is accepted only when it is a real PDF with nothing in it that runs, launches or
unpacks; what an uploader is told says what to do."""

from __future__ import annotations

import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.lib import pdf
from balai.lib.pdf import PdfRefused, pdf_check
from balai.lib.tests import files
from balai.lib.uploads import PDF, UploadError, check_upload
from balai.registrations.demo import tiny_pdf


def _check(data: bytes) -> str:
    return check_upload(SimpleUploadedFile("dokumen.pdf", data), allowed={PDF.mime})


def _reason(data: bytes) -> str:
    with pytest.raises(PdfRefused) as refused:
        pdf_check(data)
    return refused.value.reason


@pytest.mark.parametrize(
    "data",
    [
        files.reportlab_pdf(),
        tiny_pdf(),
        files.build_pdf(),
        files.build_pdf(packed=[1, 2, 3]),  # PDF 1.5: catalog in an object stream
        files.pdf_open_at_first_page(),  # LibreOffice's "open at page one"
        files.pdf_open_with_goto(),  # LaTeX's hyperref
    ],
    ids=["reportlab", "hand-made", "xref-table", "object-stream", "open-at-page", "open-goto"],
)
def test_real_pdfs_are_accepted(data):
    assert _check(data) == PDF.mime


def test_html_with_a_pdf_first_line_is_refused_as_not_a_pdf():
    with pytest.raises(UploadError, match="rusak atau tidak lengkap"):
        _check(files.HTML_AS_PDF)


def test_php_disguised_as_pdf_is_refused():
    with pytest.raises(UploadError, match="rusak atau tidak lengkap"):
        _check(files.PHP_AS_PDF)


@pytest.mark.parametrize(
    "data",
    [
        files.pdf_open_action_javascript(),
        files.pdf_embedded_file(),
        files.pdf_obfuscated_javascript(),
        files.pdf_javascript_in_object_stream(),
    ],
    ids=["open-action-javascript", "embedded-file", "escaped-names", "in-object-stream"],
)
def test_pdfs_with_active_content_are_refused_with_what_to_do(data):
    with pytest.raises(UploadError, match="skrip, tindakan otomatis atau lampiran.*Cetak ulang"):
        _check(data)


@pytest.mark.parametrize(
    "name", ["/Launch", "/AA", "/RichMedia", "/XFA", "/GoToR", "/SubmitForm", "/JS"]
)
def test_every_active_name_is_refused_even_when_escaped(name):
    escaped = name[:2] + "".join(f"#{ord(c):02x}" for c in name[2:])
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Extra << %s 6 0 R >> >>" % escaped.encode()
    assert _reason(files.build_pdf(catalog, extra=[b"<< >>"])) == "active"


def test_an_open_action_that_points_to_an_action_is_refused_and_to_a_destination_is_not():
    action = files.build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>", extra=[b"<< /S /URI >>"]
    )
    chained = files.build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 6 0 R >> >>",
        extra=[b"<< /S /URI >>"],
    )
    assert _reason(chained) == "active"
    destination = files.build_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>", extra=[b"[3 0 R /Fit]"]
    )
    assert _reason(action) == "active"
    pdf_check(destination)


def test_a_name_inside_a_string_is_only_text():
    pdf_check(files.build_pdf(b"<< /Type /Catalog /Pages 2 0 R /Lang (see /JavaScript) >>"))


def test_an_object_hidden_in_a_comment_is_refused():
    # A reader that jumps to an offset from the cross-reference table reads it; a lexer would not.
    data = files.build_pdf(extra=[b"<< >>\n% 9 0 obj << /S /Launch >> endobj"])
    assert _reason(data) in {"active", "structure"}


def test_structure_is_required():
    good = files.build_pdf()
    assert _reason(b"  " + good) == "structure"  # header not at offset 0
    assert _reason(good.replace(b"%%EOF", b"")) == "structure"
    assert _reason(good.replace(b"startxref", b"startxxxx")) == "structure"
    assert _reason(good.replace(b"/Root 1 0 R", b"/Size 6")) == "structure"
    assert _reason(good.replace(b"/Type /Catalog /Pages 2 0 R", b"/Type /Other")) == "structure"
    without_xref = good.replace(b"xref\n0 6", b"nope\n0 6")
    assert _reason(without_xref) == "structure"


def test_an_encrypted_pdf_with_object_streams_cannot_be_checked():
    data = files.build_pdf(packed=[1, 2], trailer_extra=b"/Encrypt 9 0 R ")
    with pytest.raises(UploadError, match="terkunci atau terlalu rumit"):
        _check(data)


def test_hostile_files_hit_a_bound_instead_of_running_long(monkeypatch):
    tail = b"\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"
    monkeypatch.setattr(pdf, "MAX_TOKENS", 10_000)
    assert _reason(b"%PDF-1.4\n" + b"/a " * 20_000 + tail) == "complex"
    assert _reason(b"%PDF-1.4\n" + b"<<" * 1000 + tail) == "complex"
    assert _reason(b"%PDF-1.4\n(" + b"(" * 1000 + tail) == "complex"
    bomb = zlib.compress(b"\x00" * (pdf.MAX_DECODED + 1024))
    objstm = (
        b"9 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(bomb)
    )
    data = files.build_pdf()
    data = data[: data.index(b"xref")] + objstm + bomb + b"\nendstream\nendobj\n" + tail
    assert _reason(data) == "complex"
