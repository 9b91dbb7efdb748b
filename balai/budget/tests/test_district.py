"""The district budget view: which desa published this year's APBDes and realisation,
totals by source and bidang, and a sortable table."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.budget.tests.conftest import make_year
from balai.conftest import make_village

pytestmark = pytest.mark.django_db


def test_the_district_page_lists_published_and_missing_villages(client, dagan, bojongsari):
    make_year(dagan, 2025)
    make_year(bojongsari, 2025, status="draft")
    page = client.get(reverse("budget_district:overview") + "?tahun=2025").content.decode()
    assert "1 / 2" in page  # one of two desa published
    assert "belum terbit" in page
    assert "Dana Desa" in page and "Pembangunan Desa" in page
    assert "Rp 1.000.000.000" in page  # Dagan's Dana Desa in the district totals


def test_the_table_sorts_by_realisation(client, dagan, bojongsari):
    make_year(dagan, 2025)
    make_year(bojongsari, 2025, realised=False)
    page = client.get(reverse("budget_district:overview") + "?tahun=2025&urut=realisasi")
    html = page.content.decode()
    assert html.index(">Dagan<") < html.index(">Bojongsari<")


def test_kelurahan_are_not_counted_as_missing(client, dagan):
    from balai.regions.models import Region

    make_year(dagan, 2025)
    make_village(Region.objects.filter(type="kelurahan").first().code, "kelurahan-uji")
    page = client.get(reverse("budget_district:overview") + "?tahun=2025").content.decode()
    assert "1 / 1" in page


def test_the_district_admin_sees_it_on_the_dashboard_and_others_do_not(client, dina, alice):
    url = reverse("budget_district_dashboard:overview")
    client.force_login(alice)
    assert client.get(url).status_code == 404
    client.force_login(dina)
    assert client.get(url).status_code == 200


def test_the_district_page_query_count_does_not_grow_with_villages(
    client, dagan, bojongsari, django_assert_max_num_queries
):
    make_year(dagan, 2025)
    make_year(bojongsari, 2025)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("budget_district:overview") + "?tahun=2025").status_code == 200
