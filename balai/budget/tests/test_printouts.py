"""The printed matter: the A3 poster, the A1 banner and the semester realisation report."""

from __future__ import annotations

import base64
import re
import zlib

import pytest
from django.urls import reverse

from balai.budget.tests.conftest import make_year

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> tuple[str, list[tuple[int, int]]]:
    """The strings drawn on the pages and the page sizes, read from reportlab's streams
    (ASCII85 + Flate) without a PDF library."""
    text = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S):
        try:
            data = zlib.decompress(base64.a85decode(raw.strip(), adobe=raw.strip().endswith(b"~>")))
        except ValueError:
            continue
        text += re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", data)
    joined = b" ".join(text).replace(b"\\(", b"(").replace(b"\\)", b")").decode("latin-1")
    boxes = [
        (round(float(w)), round(float(h)))
        for w, h in re.findall(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", content)
    ]
    return joined, boxes


def url(name: str, **kw) -> str:
    return reverse(f"site:{name}", kwargs={"village_slug": "dagan", "tahun": 2025, **kw})


def test_the_poster_shows_the_village_year_sources_bidang_and_page_address(client, dagan_2025):
    text, boxes = pdf_text(client.get(url("budget_poster")).content)
    assert "DESA DAGAN" in text and "2025" in text
    assert "Dana Desa" in text and "Alokasi Dana Desa" in text
    assert "Pembangunan Desa" in text and "PEMBIAYAAN" in text
    assert "Rp 1.600.000.000" in text
    assert "/desa/dagan/apbdes/2025/" in text
    assert boxes == [(842, 1191)]  # A3 portrait


def test_the_banner_is_a1(client, dagan_2025):
    _text, boxes = pdf_text(client.get(url("budget_poster") + "?ukuran=a1").content)
    assert boxes == [(1684, 2384)]


def test_the_semester_report_counts_realisation_up_to_the_semester_end(client, dagan_2025):
    text, _boxes = pdf_text(client.get(url("budget_report") + "?semester=1").content)
    assert "SEMESTER I" in text and "30-06-2025" in text
    assert "Rp 640.000.000" in text  # spending realised by 30 June
    text, _boxes = pdf_text(client.get(url("budget_report")).content)
    assert "SEMESTER II" in text


def test_the_dashboard_offers_the_poster_of_a_draft_too(login, alice, dagan):
    make_year(dagan, 2026, status="draft")
    response = login(alice).get(
        reverse("budget_dashboard:poster", kwargs={"slug": "dagan", "year": 2026})
        + "?selisih=diperiksa"  # make_year's figures do not balance
    )
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
