from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from balai.accounts.models import User
from balai.accounts.services import invitation_create
from balai.conftest import PASSWORD
from balai.villages.models import Membership


def invite(village, role="editor"):
    invitation, token = invitation_create(village=village, email="sari@dagan.desa.id", role=role)
    return invitation, f"/undangan/{token}/"


def test_an_expired_invitation_says_so_and_whom_to_ask(client, dagan):
    invitation, url = invite(dagan)
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 410
    assert "sudah kedaluwarsa" in html
    assert "Minta admin Desa Dagan mengirim undangan baru" in html
    post = client.post(
        url, {"name": "S", "password1": "batik-tulis-2027", "password2": "batik-tulis-2027"}
    )
    assert post.status_code == 410
    assert not User.objects.filter(email="sari@dagan.desa.id").exists()


def test_an_expired_admin_invitation_sends_the_person_to_the_district(client, dagan):
    invitation, url = invite(dagan, role="admin")
    invitation.expires_at = timezone.now() - timedelta(days=1)
    invitation.save()
    html = client.get(url).content.decode()
    assert "Hubungi Dinkominfo" in html


def test_a_used_invitation_cannot_be_used_again(client, dagan):
    _, url = invite(dagan)
    data = {"name": "Sari", "password1": "batik-tulis-2027", "password2": "batik-tulis-2027"}
    client.post(url, data)
    client.post("/keluar/")
    again = client.get(url)
    assert again.status_code == 410
    assert "sudah dipakai" in again.content.decode()
    assert client.post(url, data).status_code == 410
    assert User.objects.filter(email="sari@dagan.desa.id").count() == 1


def test_a_used_invitation_cannot_be_replayed_by_its_owner_after_a_demotion(login, dagan, alice):
    invitation, url = invite(dagan, role="admin")
    client = login(alice)
    client.post(url)  # logged in as alice, not sari: refused
    sari = User.objects.create_user("sari@dagan.desa.id", PASSWORD, name="Sari")
    client = login(sari)
    client.post(url)
    Membership.objects.filter(user=sari).update(role="editor")
    assert client.post(url).status_code == 410
    assert Membership.objects.get(user=sari).role == "editor"


def test_a_revoked_invitation_says_so(client, dagan, alice):
    from balai.accounts.services import invitation_revoke

    invitation, url = invite(dagan)
    invitation_revoke(invitation=invitation, actor=alice)
    response = client.get(url)
    assert response.status_code == 410
    assert "sudah dicabut" in response.content.decode()


@pytest.mark.parametrize("token", ["x", "bukan-token-sama-sekali", "a" * 43, "%00", "a" * 500])
def test_a_nonsense_token_gets_the_same_clear_page_as_404(client, db, token):
    response = client.get(f"/undangan/{token}/")
    assert response.status_code == 404
    assert "Tautan undangan tidak dikenal" in response.content.decode()
    assert client.post(f"/undangan/{token}/").status_code == 404
