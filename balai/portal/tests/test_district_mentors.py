from __future__ import annotations

from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.conftest import make_user
from balai.villages.models import Membership


def test_district_admin_assigns_a_mentor_to_a_village(login, dina, bojongsari, maya):
    url = reverse("district:mentor_add", args=["bojongsari"])
    assert login(dina).post(url, {"email": "MAYA@rtik.or.id"}).status_code == 302
    assert Membership.objects.get(village=bojongsari, user=maya).role == "mentor"
    entry = AuditEntry.objects.get(action="membership.mentor_assign")
    assert entry.village == bojongsari and entry.target == maya.email


def test_mentor_can_be_unassigned(login, dina, dagan, maya):
    url = reverse("district:mentor_remove", args=["dagan", maya.pk])
    assert login(dina).post(url).status_code == 302
    assert not Membership.objects.filter(village=dagan, user=maya).exists()
    assert AuditEntry.objects.filter(action="membership.mentor_unassign").count() == 1


def test_unassigning_leaves_admins_alone(login, dina, dagan, alice):
    login(dina).post(reverse("district:mentor_remove", args=["dagan", alice.pk]))
    assert Membership.objects.filter(village=dagan, user=alice, role="admin").exists()
    assert not AuditEntry.objects.exists()


def test_unknown_email_is_refused_with_a_clear_message(login, dina, dagan):
    url = reverse("district:mentor_add", args=["dagan"])
    response = login(dina).post(url, {"email": "siapa@contoh.id"})
    assert response.status_code == 400
    assert "Belum ada akun dengan email ini" in response.content.decode()
    assert not Membership.objects.filter(role="mentor").exists()


def test_someone_already_in_the_village_cannot_be_made_mentor_too(login, dina, dagan, alice):
    url = reverse("district:mentor_add", args=["dagan"])
    response = login(dina).post(url, {"email": alice.email})
    assert response.status_code == 400
    assert "sudah terdaftar di desa ini sebagai Admin desa" in response.content.decode()
    assert Membership.objects.get(user=alice).role == "admin"


def test_village_page_lists_members_and_links_the_village_dashboard(login, dina, alice, maya):
    make_user("lain@contoh.id", "Orang Lain")
    html = login(dina).get(reverse("district:village", args=["dagan"])).content.decode()
    assert "Alice Rahayu" in html and "Maya Lestari" in html and "Orang Lain" not in html
    assert reverse("dashboard:village", args=["dagan"]) in html
