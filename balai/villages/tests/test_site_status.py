"""Draft sites exist only for their members; suspended ones show a notice and no content."""

from __future__ import annotations

import pytest

from balai.villages.models import Village
from balai.villages.tests.conftest import add_officials, fill_profile


@pytest.fixture
def suspended(dagan) -> Village:
    fill_profile(dagan)
    add_officials(dagan, ("Sugeng Riyadi", "Kepala Desa"))
    dagan.status = Village.Status.SUSPENDED
    dagan.save()
    return dagan


@pytest.mark.parametrize(
    "path", ["/desa/dagan/", "/desa/dagan/profil/", "/desa/dagan/pemerintahan/"]
)
def test_a_suspended_site_shows_a_notice_with_its_name_and_no_content(client, suspended, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 503
    assert "Situs Desa Dagan sedang ditangguhkan" in html
    assert "Sugeng Riyadi" not in html
    assert "Dagan berdiri" not in html
    assert "0281-123456" not in html
    assert 'href="/desa/dagan/profil/"' not in html


@pytest.fixture
def draft(dagan) -> Village:
    dagan.status = Village.Status.DRAFT
    dagan.save()
    return dagan


def test_a_draft_site_is_not_found_for_visitors(client, draft):
    assert client.get("/desa/dagan/").status_code == 404


def test_a_draft_site_is_not_found_for_another_village_admin(client, draft, charlie):
    client.force_login(charlie)
    assert client.get("/desa/dagan/").status_code == 404


@pytest.mark.parametrize("person", ["alice", "bob", "maya", "dina"])
def test_members_and_district_admins_can_preview_a_draft_site(client, draft, person, request):
    client.force_login(request.getfixturevalue(person))
    response = client.get("/desa/dagan/")
    assert response.status_code == 200
    assert "Desa batik tulis" in response.content.decode()


def test_a_preview_by_a_member_is_not_cached_for_visitors(client, draft, alice):
    client.force_login(alice)
    client.get("/desa/dagan/")
    client.logout()
    assert client.get("/desa/dagan/").status_code == 404
