"""Nobody but Dagan's admins and the district reaches Dagan's members pages: others get 404."""

from __future__ import annotations

import pytest

from balai.accounts.models import Invitation
from balai.accounts.services import invitation_create
from balai.villages.models import Membership


@pytest.fixture
def dagan_urls(dagan, alice, bob):
    invitation, _ = invitation_create(village=dagan, email="sari@dagan.desa.id", role="editor")
    bob_pk = Membership.objects.get(user=bob).pk
    base = "/dasbor/dagan/anggota/"
    return [
        ("get", base),
        ("get", f"{base}undang/"),
        ("post", f"{base}undang/"),
        ("post", f"{base}undangan/{invitation.pk}/cabut/"),
        ("get", f"{base}{bob_pk}/"),
        ("post", f"{base}{bob_pk}/"),
        ("get", f"{base}{bob_pk}/keluarkan/"),
        ("post", f"{base}{bob_pk}/keluarkan/"),
    ]


def assert_nothing_changed(bob):
    assert Membership.objects.get(user=bob).role == "editor"
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 1
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize("who", ["charlie", "bob", "maya", "kiki"])
def test_outsiders_and_other_roles_get_404_on_every_members_url(
    login, request, dagan_urls, bob, who
):
    client = login(request.getfixturevalue(who))
    for method, url in dagan_urls:
        data = {"email": "x@y.id", "role": "admin"} if method == "post" else None
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (who, method, url)
    assert_nothing_changed(bob)


def test_anonymous_visitors_are_sent_to_login(client, dagan_urls, bob):
    for method, url in dagan_urls:
        response = getattr(client, method)(url, {"role": "admin"} if method == "post" else None)
        assert response.status_code in (302, 405), url
        if response.status_code == 302:
            assert response["Location"].startswith("/masuk/?next=")
    assert_nothing_changed(bob)


def test_charlie_cannot_reach_dagan_rows_through_his_own_village(login, charlie, dagan_urls, bob):
    client = login(charlie)
    for method, url in dagan_urls:
        if not any(ch.isdigit() for ch in url):
            continue  # his own list and invite form are his to use
        response = getattr(client, method)(
            url.replace("/dagan/", "/bojongsari/"), {"role": "admin"}
        )
        assert response.status_code == 404, url
    assert_nothing_changed(bob)
