"""charlie, the admin of Bojongsari, reaches none of Dagan's acts: not under Dagan's slug, and
not with Dagan's act ids under his own slug; his own register never offers Dagan's acts."""

from __future__ import annotations

from datetime import date

import pytest

from balai.legal.models import LegalAct
from balai.legal.tests.conftest import make_act

pytestmark = pytest.mark.django_db


@pytest.fixture
def dagans_act(dagan):
    return make_act(dagan, number="7", enacted_on=date(2025, 12, 22))


@pytest.mark.parametrize("path", ["", "tambah/", "{pk}/", "{pk}/hapus/"])
def test_charlie_gets_404_under_dagans_slug(login, charlie, dagans_act, path):
    url = "/dasbor/dagan/produk-hukum/" + path.format(pk=dagans_act.pk)
    client = login(charlie)
    assert client.get(url).status_code in (404, 405)
    assert client.post(url, {"title": "Diretas"}).status_code == 404
    dagans_act.refresh_from_db()
    assert dagans_act.title != "Diretas"


@pytest.mark.parametrize("path", ["{pk}/", "{pk}/hapus/"])
def test_charlie_gets_404_with_dagans_ids_under_his_own_slug(login, charlie, dagans_act, path):
    url = "/dasbor/bojongsari/produk-hukum/" + path.format(pk=dagans_act.pk)
    assert login(charlie).post(url, {"title": "Diretas"}).status_code == 404
    assert LegalAct.objects.filter(pk=dagans_act.pk, title__startswith="Anggaran").exists()


def test_charlies_form_does_not_offer_dagans_acts(login, charlie, dagans_act, bojongsari):
    make_act(bojongsari, number="3", title="Pungutan Desa Bojongsari", enacted_on=date(2020, 1, 6))
    body = login(charlie).get("/dasbor/bojongsari/produk-hukum/tambah/").content.decode()
    assert "Pungutan Desa Bojongsari" in body
    assert "Peraturan Desa Nomor 7 Tahun 2025" not in body


def test_a_mentor_of_dagan_may_keep_its_register(login, maya, dagans_act):
    assert login(maya).get(f"/dasbor/dagan/produk-hukum/{dagans_act.pk}/").status_code == 200


def test_the_dashboard_list_costs_a_bounded_number_of_queries(
    login, alice, dagan, dagans_act, django_assert_max_num_queries
):
    for n in range(20, 45):
        make_act(
            dagan,
            number=str(n),
            relation="amends",
            target=dagans_act,
            enacted_on=date(2026, 1, 5),
            with_file=False,
            external_url="https://contoh.id/a.pdf",
        )
    client = login(alice)
    client.get("/dasbor/dagan/produk-hukum/")
    with django_assert_max_num_queries(14):
        response = client.get("/dasbor/dagan/produk-hukum/")
    assert len(response.context["page"].object_list) == 26
