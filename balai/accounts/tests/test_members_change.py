from __future__ import annotations

from django.utils import timezone

from balai.accounts.services import invitation_create
from balai.audit.models import AuditEntry
from balai.conftest import make_user
from balai.villages.models import Membership


def member_url(user, suffix=""):
    membership = Membership.objects.get(user=user, village__slug="dagan")
    return f"/dasbor/dagan/anggota/{membership.pk}/{suffix}"


def test_an_admin_makes_an_editor_admin_and_it_is_logged(login, alice, bob):
    response = login(alice).post(member_url(bob), {"role": "admin"})
    assert response.status_code == 302
    assert Membership.objects.get(user=bob).role == "admin"
    entry = AuditEntry.objects.get(action="membership.role_change")
    assert (entry.actor, entry.target, entry.details["old_role"]) == (alice, bob.email, "editor")


def test_publishing_right_can_be_given_to_an_editor(login, alice, bob):
    login(alice).post(member_url(bob), {"role": "editor", "can_publish": "on"})
    assert Membership.objects.get(user=bob).can_publish is True


def test_a_role_outside_admin_and_editor_is_refused(login, alice, bob):
    response = login(alice).post(member_url(bob), {"role": "mentor"})
    assert "Pilih perannya." in response.content.decode()
    assert Membership.objects.get(user=bob).role == "editor"


def test_the_last_admin_cannot_be_demoted(login, alice, bob):
    response = login(alice).post(member_url(alice), {"role": "editor"})
    assert response.status_code == 200
    assert "satu-satunya admin" in response.content.decode()
    assert Membership.objects.get(user=alice).role == "admin"
    assert not AuditEntry.objects.filter(action="membership.role_change").exists()


def test_an_admin_can_step_down_when_another_admin_remains(login, alice, bob):
    Membership.objects.filter(user=bob).update(role="admin")
    response = login(alice).post(member_url(alice), {"role": "editor"})
    assert Membership.objects.get(user=alice).role == "editor"
    assert response["Location"] == "/dasbor/"  # no longer allowed on the members page


def test_the_last_admin_cannot_be_removed(login, alice, bob):
    response = login(alice).post(member_url(alice, "keluarkan/"))
    assert response.status_code == 409
    assert "satu-satunya admin" in response.content.decode()
    assert Membership.objects.filter(user=alice).exists()


def test_removing_a_member_asks_first_then_removes_and_logs(login, alice, bob):
    client = login(alice)
    confirm = client.get(member_url(bob, "keluarkan/"))
    assert "Keluarkan Bob Santoso dari Desa Dagan?" in confirm.content.decode()
    assert Membership.objects.filter(user=bob).exists()
    response = client.post(member_url(bob, "keluarkan/"))
    assert response["Location"] == "/dasbor/dagan/anggota/"
    assert not Membership.objects.filter(user=bob).exists()
    entry = AuditEntry.objects.get(action="membership.remove")
    assert (entry.actor, entry.target, entry.details["role"]) == (alice, bob.email, "editor")
    assert bob.__class__.objects.filter(pk=bob.pk).exists()  # the account itself stays


def test_the_district_admin_can_remove_an_admin_when_another_remains(login, dina, alice, dagan):
    other = make_user("ani@dagan.desa.id", "Ani")
    Membership.objects.create(user=other, village=dagan, role="admin")
    login(dina).post(member_url(alice, "keluarkan/"))
    assert not Membership.objects.filter(user=alice).exists()
    assert AuditEntry.objects.get(action="membership.remove").actor == dina


def test_revoking_an_invitation_makes_its_link_dead_and_is_logged(login, client, dagan, alice):
    invitation, token = invitation_create(village=dagan, email="sari@dagan.desa.id", role="editor")
    admin = login(alice)
    assert admin.get(f"/dasbor/dagan/anggota/undangan/{invitation.pk}/cabut/").status_code == 405
    response = admin.post(f"/dasbor/dagan/anggota/undangan/{invitation.pk}/cabut/")
    assert response["Location"] == "/dasbor/dagan/anggota/"
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert invitation.revoked_at <= timezone.now()
    assert AuditEntry.objects.filter(action="invitation.revoke", actor=alice).exists()
    admin.post("/keluar/")
    assert client.get(f"/undangan/{token}/").status_code == 410
