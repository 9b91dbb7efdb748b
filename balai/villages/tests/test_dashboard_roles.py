"""Who may open which part of a village's dashboard."""

from __future__ import annotations

import pytest
from django.urls import reverse

PROFILE_AREA = ["profile", "look", "officials", "official_add"]
CONTENT_AREA = ["pages", "page_add"]


def url(name: str) -> str:
    return reverse(f"dashboard:{name}", kwargs={"slug": "dagan"})


@pytest.mark.parametrize("name", PROFILE_AREA)
def test_an_editor_may_not_open_profile_look_or_officials(client, bob, name):
    client.force_login(bob)
    assert client.get(url(name)).status_code == 404
    assert client.post(url(name), {"tagline": "x", "name": "x", "position": "x"}).status_code == 404


@pytest.mark.parametrize("name", ["village", *CONTENT_AREA])
def test_an_editor_may_open_the_overview_and_pages(client, bob, name):
    client.force_login(bob)
    assert client.get(url(name)).status_code == 200


@pytest.mark.parametrize("person", ["alice", "maya", "dina"])
@pytest.mark.parametrize("name", ["village", *PROFILE_AREA, *CONTENT_AREA])
def test_admins_mentors_and_district_admins_may_open_every_section(
    client, request, dagan, person, name
):
    client.force_login(request.getfixturevalue(person))
    assert client.get(url(name)).status_code == 200


@pytest.mark.parametrize("name", ["village", *PROFILE_AREA, *CONTENT_AREA])
def test_a_kecamatan_viewer_cannot_edit_a_village(client, kiki, dagan, name):
    client.force_login(kiki)
    assert client.get(url(name)).status_code == 404


def test_the_editor_menu_shows_only_what_an_editor_may_open(client, bob):
    client.force_login(bob)
    html = client.get(url("pages")).content.decode()
    assert f'href="{url("pages")}"' in html
    assert f'href="{url("profile")}"' not in html
    assert f'href="{url("officials")}"' not in html
    assert 'href="/dasbor/dagan/anggota/' not in html
    assert 'href="/desa/dagan/"' in html  # Lihat situs


def test_the_admin_menu_links_every_section_and_the_members(client, alice):
    client.force_login(alice)
    html = client.get(url("village")).content.decode()
    for name in ("profile", "look", "officials", "pages"):
        assert f'href="{url(name)}"' in html
    assert f'href="{reverse("members:list", kwargs={"slug": "dagan"})}"' in html


def test_a_member_of_one_village_goes_straight_to_it(client, alice):
    client.force_login(alice)
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert response["Location"] == url("village")


def test_a_member_of_two_villages_picks_one(client, alice, bojongsari):
    from balai.villages.models import Membership

    Membership.objects.create(user=alice, village=bojongsari, role=Membership.Role.EDITOR)
    client.force_login(alice)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert 'href="/dasbor/dagan/"' in html
    assert 'href="/dasbor/bojongsari/"' in html


def test_a_district_admin_finds_villages_and_the_district_dashboard(
    client, dina, dagan, bojongsari
):
    client.force_login(dina)
    response = client.get(reverse("dashboard:home"), {"q": "dag"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{reverse("district:home")}"' in html
    assert f'href="{reverse("review:queue")}"' in html
    assert 'href="/dasbor/dagan/"' in html
    assert 'href="/dasbor/bojongsari/"' not in html


def test_a_kecamatan_viewer_is_pointed_to_the_kecamatan_dashboard(client, kiki):
    client.force_login(kiki)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert f'href="{reverse("district:kecamatan")}"' in html
