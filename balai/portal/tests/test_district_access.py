from __future__ import annotations

import pytest
from django.urls import reverse

GET_URLS = [
    ("district:home", {}),
    ("district:villages", {}),
    ("district:village", {"slug": "dagan"}),
    ("district:people", {}),
    ("district:audit", {}),
]
POST_URLS = [
    ("district:village_status", {"slug": "dagan"}),
    ("district:mentor_add", {"slug": "dagan"}),
    ("district:mentor_remove", {"slug": "dagan", "user_id": 1}),
    ("district:domain_add", {"slug": "dagan"}),
    ("district:domain_remove", {"slug": "dagan", "pk": 1}),
    ("district:district_admin", {"user_id": 1}),
    ("district:viewer_add", {}),
    ("district:viewer_remove", {"pk": 1}),
    ("district:user_create", {}),
]


@pytest.mark.parametrize("person", ["alice", "bob", "charlie", "maya", "kiki"])
@pytest.mark.parametrize("name, kwargs", GET_URLS + POST_URLS)
def test_district_dashboard_is_404_for_everyone_but_district_admins(
    request, login, dagan, person, name, kwargs
):
    client = login(request.getfixturevalue(person))
    url = reverse(name, kwargs=kwargs)
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "suspended", "reason": "x", "grant": "1"}).status_code == 404


@pytest.mark.parametrize("name, kwargs", GET_URLS + POST_URLS + [("district:kecamatan", {})])
def test_anonymous_visitors_are_sent_to_login(client, dagan, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name, kwargs", GET_URLS)
def test_district_admins_see_every_page(login, dina, dagan, alice, name, kwargs):
    assert login(dina).get(reverse(name, kwargs=kwargs)).status_code == 200


def test_an_unknown_village_is_404_for_district_admins(login, dina):
    assert login(dina).get(reverse("district:village", args=["atlantis"])).status_code == 404
