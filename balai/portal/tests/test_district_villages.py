from __future__ import annotations

from django.urls import reverse

from balai.conftest import make_village
from balai.villages.models import Village


def test_village_list_shows_status_kecamatan_and_member_count(login, dina, alice, bob, bojongsari):
    html = login(dina).get(reverse("district:villages")).content.decode()
    dagan_row = html.split("Desa Dagan", 1)[1].split("</tr>")[0]
    assert "Bobotsari" in dagan_row and "Tayang" in dagan_row
    assert '<td data-label="Anggota" class="num">2</td>' in dagan_row


def test_village_list_filters_by_status_and_kecamatan(login, dina, dagan, bojongsari):
    make_village("33.03.09.2001", "gandasuli", status=Village.Status.SUSPENDED)
    client = login(dina)
    html = client.get(reverse("district:villages"), {"status": "suspended"}).content.decode()
    assert "Gandasuli" in html and "Desa Dagan" not in html
    html = client.get(reverse("district:villages"), {"kecamatan": "33.03.14"}).content.decode()
    assert "Bojongsari" in html and "Desa Dagan" not in html


def test_village_list_query_count_is_bounded(
    login, dina, dagan, alice, django_assert_max_num_queries
):
    for i, code in enumerate(["33.03.09.2001", "33.03.09.2002", "33.03.09.2003"]):
        make_village(code, f"desa-uji-{i}")
    client = login(dina)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("district:villages")).status_code == 200
