from __future__ import annotations

import re
from urllib.parse import unquote

from django.core import mail

from balai.accounts.models import Invitation
from balai.audit.models import AuditEntry
from balai.conftest import make_user

URL = "/dasbor/dagan/anggota/undang/"


def test_inviting_shows_the_link_once_with_whatsapp_and_emails_it(login, dagan, alice):
    client = login(alice)
    response = client.post(
        URL, {"email": "Sari@Dagan.desa.id", "name": "Sari", "role": "editor", "can_publish": "on"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    link = re.search(
        r'id="invite-link"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="invite-link"', html
    )
    link = link.group(1) or link.group(2)
    assert link.startswith("http://testserver/undangan/")
    whatsapp = re.search(r'href="(https://wa\.me/\?text=[^"]+)"', html).group(1)
    assert link in unquote(whatsapp.replace("&amp;", "&"))
    assert "Kirim lewat WhatsApp" in html
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sari@dagan.desa.id"]
    assert link in mail.outbox[0].body
    invitation = Invitation.objects.get(village=dagan)
    assert (invitation.email, invitation.role, invitation.can_publish) == (
        "sari@dagan.desa.id",
        "editor",
        True,
    )
    assert link.rstrip("/").rsplit("/", 1)[1] not in invitation.token_hash
    assert AuditEntry.objects.filter(action="invitation.create", village=dagan).exists()
    # The list afterwards shows the invitation, not the link.
    listing = client.get("/dasbor/dagan/anggota/").content.decode()
    assert "sari@dagan.desa.id" in listing
    assert link not in listing


def test_the_link_from_the_members_page_works(login, client, dagan, alice):
    html = (
        login(alice).post(URL, {"email": "sari@dagan.desa.id", "role": "editor"}).content.decode()
    )
    path = re.search(r"http://testserver(/undangan/[^\"]+/)", html).group(1)
    client.post("/keluar/")
    assert client.get(path).status_code == 200


def test_can_publish_is_ignored_for_admins(login, dagan, alice):
    login(alice).post(URL, {"email": "sari@dagan.desa.id", "role": "admin", "can_publish": "on"})
    assert Invitation.objects.get().can_publish is False


def test_bad_input_is_refused_with_indonesian_messages_and_nothing_saved(login, dagan, alice):
    client = login(alice)
    response = client.post(URL, {"email": "bukan-email", "role": "mentor"})
    html = response.content.decode()
    assert "Isi alamat email yang benar" in html
    assert "Pilih perannya." in html
    assert 'value="bukan-email"' in html
    assert not Invitation.objects.exists()
    assert len(mail.outbox) == 0


def test_inviting_someone_already_a_member_points_to_the_role_change(login, dagan, alice, bob):
    response = login(alice).post(URL, {"email": bob.email.upper(), "role": "admin"})
    assert "sudah menjadi anggota" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_a_pending_one_for_the_same_email(login, dagan, alice):
    client = login(alice)
    client.post(URL, {"email": "sari@dagan.desa.id", "role": "editor"})
    client.post(URL, {"email": "sari@dagan.desa.id", "role": "admin"})
    first, second = Invitation.objects.order_by("created_at", "pk")
    assert first.revoked_at is not None
    assert second.revoked_at is None and second.role == "admin"
    assert AuditEntry.objects.filter(
        action="invitation.revoke", target="sari@dagan.desa.id"
    ).exists()


def test_an_existing_account_in_another_village_can_be_invited(login, dagan, alice, charlie):
    response = login(alice).post(URL, {"email": charlie.email, "role": "editor"})
    assert response.status_code == 200
    assert Invitation.objects.filter(email=charlie.email).exists()


def test_a_failing_mail_server_still_shows_the_link(login, dagan, alice, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("balai.accounts.services.send_mail", refuse)
    html = (
        login(alice).post(URL, {"email": "sari@dagan.desa.id", "role": "editor"}).content.decode()
    )
    assert "Email undangan gagal dikirim" in html
    assert "/undangan/" in html
    make_user("x@y.id", "X")  # the database is still usable after the failure
