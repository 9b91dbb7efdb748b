"""The public transparency page: totals, income by source, spending by bidang, the drillable
table, downloads, and plain words when there is no approved APBDes."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from balai.budget.tests.conftest import make_year
from balai.conftest import make_village

pytestmark = pytest.mark.django_db


def url(name: str, **kw) -> str:
    return reverse(f"site:{name}", kwargs={"village_slug": "dagan", **kw})


def test_a_visitor_sees_the_approved_year_with_totals_sources_and_bidang(client, dagan_2025):
    page = client.get(url("budget_year", tahun=2025)).content.decode()
    assert "APBDes tahun 2025" in page
    assert "Perdes Nomor 3 Tahun 2025" in page
    assert "Rp 1,6 M" in page  # income total
    assert "Rp 1.000.000.000" in page and "60,0%" in page  # Dana Desa, realised 60%
    assert "Dana Desa" in page and "Alokasi Dana Desa" in page
    assert "Bidang Pelaksanaan Pembangunan Desa" in page or "Pembangunan Desa" in page
    assert "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa" in page  # kegiatan row
    assert '<svg class="chart chart-bars" role="img"' in page
    assert "style=" not in page.split("<main")[1]


def test_the_apbdes_menu_and_index_lead_to_the_latest_year(client, dagan):
    make_year(dagan, 2024)
    make_year(dagan, 2025)
    response = client.get(url("budget_index"))
    assert response.status_code == 302 and response["Location"].endswith("/apbdes/2025/")
    home = client.get(reverse("site:home", kwargs={"village_slug": "dagan"})).content.decode()
    assert url("budget_index") in home


def test_several_years_are_compared(client, dagan):
    for year in (2023, 2024, 2025):
        make_year(dagan, year)
    page = client.get(url("budget_year", tahun=2025)).content.decode()
    assert "Perbandingan antartahun" in page
    assert 'class="chart chart-columns"' in page


def test_a_draft_year_is_not_public_and_the_page_says_so(client, dagan):
    make_year(dagan, 2026, status="draft")
    response = client.get(url("budget_year", tahun=2026))
    assert response.status_code == 404
    assert "belum memiliki APBDes tahun 2026 yang ditetapkan" in response.content.decode()
    index = client.get(url("budget_index")).content.decode()
    assert "belum menerbitkan APBDes yang ditetapkan" in index
    home = client.get(reverse("site:home", kwargs={"village_slug": "dagan"})).content.decode()
    assert url("budget_index") not in home  # no empty section in the menu


def test_csv_and_json_downloads_carry_the_same_figures(client, dagan_2025):
    csv_text = client.get(url("budget_year_csv", tahun=2025)).content.decode("utf-8-sig")
    assert "5.3.5.03" in csv_text and "700000000" in csv_text and "400000000" in csv_text
    data = json.loads(client.get(url("budget_year_json", tahun=2025)).content)
    assert data["ringkasan"]["totals"]["spending"] == [1_300_000_000, 640_000_000]


def test_the_poster_is_a_pdf(client, dagan_2025):
    response = client.get(url("budget_poster", tahun=2025))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_kelurahan_has_no_apbdes_pages(client, db):
    from balai.regions.models import Region

    region = Region.objects.filter(type="kelurahan").first()
    make_village(region.code, "kelurahan-uji")
    response = client.get(reverse("site:budget_index", kwargs={"village_slug": "kelurahan-uji"}))
    assert response.status_code == 404


def test_the_year_page_reads_stored_figures_in_few_queries(
    client, dagan, django_assert_max_num_queries
):
    for year in range(2021, 2026):
        make_year(dagan, year)
    # Ours: village, two year queries, projects; the rest is the shared menu of every module.
    with django_assert_max_num_queries(25):
        assert client.get(url("budget_year", tahun=2025)).status_code == 200
