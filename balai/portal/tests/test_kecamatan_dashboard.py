from __future__ import annotations

import pytest
from django.urls import reverse

from balai.villages.models import Official


def test_kecamatan_viewer_sees_only_their_kecamatan(login, kiki, dagan, bojongsari):
    Official.objects.create(village=dagan, name="Sugeng", position="Kepala Desa")
    html = login(kiki).get(reverse("district:kecamatan")).content.decode()
    assert "Kecamatan Bobotsari" in html
    assert "Dagan" in html and "Gandasuli" in html
    assert "Bojongsari" not in html.split("<tbody>")[1]
    dagan_row = html.split(">Dagan</a>", 1)[1].split("</tr>")[0]
    assert "Tayang" in dagan_row
    assert "1/10" in dagan_row  # only the tagline of the profile is filled
    assert '<td data-label="Perangkat" class="num">1</td>' in dagan_row


def test_kecamatan_viewer_cannot_pick_another_kecamatan(login, kiki, bojongsari):
    html = (
        login(kiki).get(reverse("district:kecamatan"), {"kecamatan": "33.03.14"}).content.decode()
    )
    assert "Kecamatan Bobotsari" in html and "Kecamatan Bojongsari" not in html


def test_district_admin_picks_any_kecamatan(login, dina, bojongsari):
    html = (
        login(dina).get(reverse("district:kecamatan"), {"kecamatan": "33.03.14"}).content.decode()
    )
    assert "Kecamatan Bojongsari" in html and 'name="kecamatan"' in html


@pytest.mark.parametrize("person", ["alice", "bob", "charlie", "maya"])
def test_people_without_a_kecamatan_role_get_404(request, login, person):
    assert (
        login(request.getfixturevalue(person)).get(reverse("district:kecamatan")).status_code == 404
    )


def test_kecamatan_viewers_do_not_get_the_district_dashboard(login, kiki):
    assert login(kiki).get(reverse("district:home")).status_code == 404


def test_kecamatan_dashboard_query_count_is_bounded(
    login, kiki, dagan, alice, django_assert_max_num_queries
):
    client = login(kiki)
    # 10 + the work counts (villages, PPID, watch, complaints)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("district:kecamatan")).status_code == 200
