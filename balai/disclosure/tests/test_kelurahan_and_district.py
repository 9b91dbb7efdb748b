"""Kelurahan have no PPID Desa; the district sees every desa's compliance."""

from __future__ import annotations

from datetime import date

import pytest

from balai.disclosure import services
from balai.disclosure.models import InfoRequest, LocalHoliday
from balai.disclosure.services import DisclosureError
from balai.disclosure.tests.conftest import make_request, request_data
from balai.villages.models import Membership
from balai.villages.navigation import site_menu

pytestmark = pytest.mark.django_db


def test_a_kelurahan_has_no_ppid_pages_nor_menu_item(client, kelurahan):
    assert client.get(f"/desa/{kelurahan.slug}/ppid/").status_code == 404
    assert (
        client.post(f"/desa/{kelurahan.slug}/ppid/permohonan/", request_data()).status_code == 404
    )
    assert not any(item.key == "disclosure" for item in site_menu(kelurahan))
    assert not InfoRequest.objects.exists()


def test_a_desa_shows_ppid_in_its_menu_once_the_profile_is_saved(client, dagan, alice):
    assert not any(item.key == "disclosure" for item in site_menu(dagan))
    client.force_login(alice)
    client.post(
        "/dasbor/dagan/ppid/profil/",
        {
            "ppid_name": "Taufik",
            "ppid_position": "Sekdes",
            "atasan_name": "Sugeng",
            "atasan_position": "Kades",
            "cost_policy": "Gratis.",
        },
    )
    dagan.refresh_from_db()
    assert any(item.key == "disclosure" for item in site_menu(dagan))
    client.logout()
    assert "Taufik" in client.get("/desa/dagan/ppid/").content.decode()


def test_a_kelurahan_admin_sees_a_clear_message(client, kelurahan, alice):
    Membership.objects.create(user=alice, village=kelurahan, role="admin")
    client.force_login(alice)
    body = client.get(f"/dasbor/{kelurahan.slug}/ppid/").content.decode()
    assert "tidak memiliki PPID Desa sendiri" in body


def test_a_service_refuses_a_request_for_a_kelurahan(kelurahan):
    with pytest.raises(DisclosureError, match="Kelurahan"):
        make_request(kelurahan)


def test_the_public_district_table_shows_late_requests_and_dip(client, dagan, bojongsari, alice):
    services.dip_seed(village=dagan, year=services.today().year)
    make_request(dagan, received_on=date(2026, 1, 5))  # long past its deadline
    response = client.get("/ppid/")
    rows = {r["village"].slug: r for r in response.context["rows"]}
    assert rows["dagan"]["late"] == 1 and rows["dagan"]["open"] == 1
    assert rows["dagan"]["dip_total"] > 0
    assert rows["bojongsari"]["requests"] == 0
    assert "Wartini" not in response.content.decode()


def test_the_district_admin_adds_a_local_holiday(client, dina):
    client.force_login(dina)
    response = client.post(
        "/dasbor/kabupaten/ppid/", {"date": "2026-12-18", "name": "Hari Jadi Kabupaten"}
    )
    assert response.status_code == 302
    assert LocalHoliday.objects.get().name == "Hari Jadi Kabupaten"
    again = client.post("/dasbor/kabupaten/ppid/", {"date": "2026-12-18", "name": "Lagi"})
    assert "sudah tercatat" in again.content.decode()


def test_only_district_admins_open_the_district_dashboard(client, alice):
    client.force_login(alice)
    assert client.get("/dasbor/kabupaten/ppid/").status_code == 404


def test_the_district_table_does_a_fixed_number_of_queries(
    client, dagan, bojongsari, django_assert_max_num_queries
):
    for village in (dagan, bojongsari):
        services.dip_seed(village=village, year=services.today().year)
        make_request(village, received_on=date(2026, 2, 2))
    with django_assert_max_num_queries(12):
        response = client.get("/ppid/")
    assert len(response.context["rows"]) == 2


def test_the_village_ppid_page_does_a_fixed_number_of_queries(
    client, dagan, django_assert_max_num_queries
):
    services.dip_seed(village=dagan, year=services.today().year)
    # 8 of these are the site menu and middleware, shared by every village page.
    # 24: 18, and the site menu's first build (once per content version) asks each module
    # whether it has something to show (institutions, legal acts, map, services, …).
    with django_assert_max_num_queries(24):
        assert client.get("/desa/dagan/ppid/").status_code == 200


@pytest.mark.parametrize(
    "page", ["profil/", "dip/", "dip/tambah/", "serta-merta/", "permohonan/baru/"]
)
def test_a_kelurahan_admin_gets_404_beyond_the_explanation(client, kelurahan, alice, page):
    Membership.objects.create(user=alice, village=kelurahan, role="admin")
    client.force_login(alice)
    assert client.get(f"/dasbor/{kelurahan.slug}/ppid/{page}").status_code == 404


@pytest.mark.parametrize("page", ["ppid/permohonan/lacak/", "ppid/laporan/", "ppid/dip/2026.csv"])
def test_every_public_ppid_page_of_a_kelurahan_is_404(client, kelurahan, page):
    assert client.get(f"/desa/{kelurahan.slug}/{page}").status_code == 404
