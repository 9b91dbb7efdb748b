"""The sample request letter: a PDF that opens and reads as the letter, a valid Word file."""

from __future__ import annotations

import base64
import io
import re
import zipfile
import zlib
from xml.etree import ElementTree

import pytest

from balai.lib.pdf import pdf_check
from balai.registrations.tests.conftest import BOKOL, KELURAHAN_BOJONG

pytestmark = pytest.mark.django_db
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pdf_text(content: bytes) -> str:
    """The strings drawn on the pages (reportlab's ASCII85 + Flate streams)."""
    text = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S):
        try:
            data = zlib.decompress(base64.a85decode(raw.strip(), adobe=raw.strip().endswith(b"~>")))
        except ValueError:
            continue
        text += re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", data)
    return b" ".join(text).replace(b"\\(", b"(").replace(b"\\)", b")").decode("latin-1")


def docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= names
        ElementTree.fromstring(archive.read("[Content_Types].xml"))
        rels = ElementTree.fromstring(archive.read("_rels/.rels"))
        assert [r.get("Target") for r in rels] == ["word/document.xml"]
        document = ElementTree.fromstring(archive.read("word/document.xml"))
    assert document.tag == f"{W}document"
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.iter(f"{W}p"))


def test_the_pdf_opens_and_is_the_request_letter(client):
    response = client.get("/daftar/contoh-surat.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    pdf_check(response.content)  # the same structural check an uploaded PDF passes
    text = pdf_text(response.content)
    assert "Permohonan pembuatan situs web" in text
    assert "Kabupaten Purbalingga" in text
    assert "Kepala Desa" in text


def test_the_pdf_names_the_chosen_village_and_address(client):
    response = client.get("/daftar/contoh-surat.pdf", {"desa": BOKOL, "alamat": "bokol"})
    text = pdf_text(response.content)
    assert "Bokol" in text and "Kemangkon" in text and "/desa/bokol/" in text


def test_the_word_file_is_valid_and_editable_text(client):
    response = client.get("/daftar/contoh-surat.docx", {"desa": KELURAHAN_BOJONG})
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert response["Content-Disposition"].endswith('contoh-surat-permohonan.docx"')
    text = docx_text(response.content)
    assert "Permohonan pembuatan situs web kelurahan" in text
    assert "Lurah Bojong" in text
    assert "Dengan hormat," in text.splitlines()


def test_unknown_regions_addresses_and_formats_are_ignored_or_refused(client):
    text = docx_text(
        client.get("/daftar/contoh-surat.docx", {"desa": "99.99", "alamat": "<b>x"}).content
    )
    assert "<b>" not in text and "…" in text
    assert client.get("/daftar/contoh-surat.exe").status_code == 404


def test_the_start_and_letter_steps_link_the_sample(client, walk):
    assert "/daftar/contoh-surat.pdf" in client.get("/daftar/").content.decode()
    walk(upto="address")
    page = client.get("/daftar/surat/").content.decode()
    assert f"/daftar/contoh-surat.docx?desa={BOKOL}&amp;alamat=bokol" in page
