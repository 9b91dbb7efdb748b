from __future__ import annotations

from django.urls import reverse

from balai.accounts.models import Invitation, User
from balai.accounts.services import invitation_create
from balai.audit.models import AuditEntry
from balai.conftest import PASSWORD
from balai.villages.models import Membership


def invite(village, email, role="editor", by=None, **kw):
    invitation, token = invitation_create(
        village=village, email=email, role=role, invited_by=by, **kw
    )
    return invitation, f"/undangan/{token}/"


def test_a_new_person_sets_a_name_and_password_and_lands_on_the_village_dashboard(
    client, dagan, alice
):
    invitation, url = invite(dagan, "Sari@Dagan.desa.id", by=alice, name="Sari", can_publish=True)
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "sari@dagan.desa.id" in html
    assert 'value="Sari"' in html
    assert 'autocomplete="new-password"' in html
    response = client.post(
        url,
        {
            "name": "Sari Wulandari",
            "password1": "batik-tulis-2027",
            "password2": "batik-tulis-2027",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:village", kwargs={"slug": "dagan"})
    sari = User.objects.get(email="sari@dagan.desa.id")
    assert sari.name == "Sari Wulandari"
    assert sari.check_password("batik-tulis-2027")
    assert client.session["_auth_user_id"] == str(sari.pk)
    membership = Membership.objects.get(village=dagan, user=sari)
    assert (membership.role, membership.can_publish) == ("editor", True)
    invitation.refresh_from_db()
    assert invitation.accepted_by == sari
    actions = set(AuditEntry.objects.filter(village=dagan).values_list("action", flat=True))
    assert {"membership.create", "invitation.accept"} <= actions


def test_mismatched_or_weak_passwords_create_nothing(client, dagan):
    invitation, url = invite(dagan, "sari@dagan.desa.id")
    mismatch = client.post(
        url, {"name": "Sari", "password1": "batik-tulis-2027", "password2": "batik-tulis-2028"}
    )
    assert "Kedua kata sandi tidak sama" in mismatch.content.decode()
    weak = client.post(url, {"name": "Sari", "password1": "12345678", "password2": "12345678"})
    assert weak.status_code == 200
    assert "Ada yang perlu diperbaiki" in weak.content.decode()
    empty = client.post(url, {"name": "", "password1": "", "password2": ""})
    assert "Isi nama lengkap Anda." in empty.content.decode()
    assert not User.objects.filter(email="sari@dagan.desa.id").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_existing_account_is_asked_to_log_in_first(client, dagan, charlie):
    _, url = invite(dagan, charlie.email)
    html = client.get(url).content.decode()
    assert "Masuk untuk menerima" in html
    assert f"/masuk/?next={url}" in html
    response = client.post(url)  # without logging in nothing happens
    assert response.status_code == 200
    assert not Membership.objects.filter(village=dagan, user=charlie).exists()


def test_an_existing_account_accepts_with_one_button(login, dagan, charlie):
    invitation, url = invite(dagan, charlie.email, role="admin")
    client = login(charlie)
    assert "Bergabung dengan Desa Dagan" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == reverse("dashboard:village", kwargs={"slug": "dagan"})
    assert Membership.objects.get(village=dagan, user=charlie).role == "admin"
    assert Membership.objects.filter(user=charlie).count() == 2  # still Bojongsari's admin too
    invitation.refresh_from_db()
    assert invitation.accepted_by == charlie


def test_logging_in_from_the_invitation_comes_back_to_it(client, dagan, charlie):
    _, url = invite(dagan, charlie.email)
    response = client.post(f"/masuk/?next={url}", {"email": charlie.email, "password": PASSWORD})
    assert response["Location"] == url


def test_accepting_when_already_a_member_changes_the_role(login, dagan, alice, bob):
    _, url = invite(dagan, bob.email, role="admin", by=alice)
    login(bob).post(url)
    assert Membership.objects.get(village=dagan, user=bob).role == "admin"
    entry = AuditEntry.objects.get(action="membership.role_change")
    assert entry.details["old_role"] == "editor"
    assert entry.details["role"] == "admin"
    assert Membership.objects.filter(village=dagan, user=bob).count() == 1


def test_an_invitation_cannot_demote_the_last_admin(login, dagan, alice):
    invitation, url = invite(dagan, alice.email, role="editor")
    response = login(alice).post(url)
    assert "satu-satunya admin" in response.content.decode()
    assert Membership.objects.get(village=dagan, user=alice).role == "admin"
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_someone_logged_in_as_another_person_is_told_to_log_out(login, dagan, bob):
    _, url = invite(dagan, "sari@dagan.desa.id")
    client = login(bob)
    html = client.get(url).content.decode()
    assert "sari@dagan.desa.id" in html
    assert "Keluar dan buka undangan lagi" in html
    client.post(
        url, {"name": "X", "password1": "batik-tulis-2027", "password2": "batik-tulis-2027"}
    )
    assert not User.objects.filter(email="sari@dagan.desa.id").exists()
    assert Invitation.objects.get(email="sari@dagan.desa.id").accepted_at is None


def test_the_invitation_page_tells_link_previews_not_to_cache(client, dagan):
    _, url = invite(dagan, "sari@dagan.desa.id")
    response = client.get(url)
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert Invitation.objects.get().accepted_at is None  # opening the link uses nothing up
