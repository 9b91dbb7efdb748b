from __future__ import annotations

from django.utils import timezone

from balai.accounts.services import invitation_create, invitation_revoke
from balai.conftest import make_user
from balai.villages.models import Membership

URL = "/dasbor/dagan/anggota/"


def test_admin_sees_members_with_email_role_and_since(login, alice, bob, maya):
    html = login(alice).get(URL).content.decode()
    for person in (alice, bob, maya):
        assert person.name in html
        assert person.email in html
    assert "Admin desa" in html
    assert "Editor" in html
    assert "Pendamping (RTIK)" in html
    assert timezone.localdate().strftime("%Y") in html


def test_mentors_are_shown_read_only(login, alice, maya):
    html = login(alice).get(URL).content.decode()
    maya_membership = Membership.objects.get(user=maya)
    assert "Ditugaskan oleh kabupaten" in html
    assert f"/anggota/{maya_membership.pk}/" not in html
    assert login(alice).get(f"{URL}{maya_membership.pk}/").status_code == 404
    assert login(alice).post(f"{URL}{maya_membership.pk}/keluarkan/").status_code == 404
    assert Membership.objects.filter(user=maya).exists()


def test_pending_invitations_are_listed_but_used_or_revoked_ones_are_not(login, dagan, alice):
    invitation_create(village=dagan, email="sari@dagan.desa.id", role="editor", name="Sari")
    revoked, _ = invitation_create(village=dagan, email="tono@dagan.desa.id", role="editor")
    invitation_revoke(invitation=revoked, actor=alice)
    html = login(alice).get(URL).content.decode()
    assert "sari@dagan.desa.id" in html
    assert "tono@dagan.desa.id" not in html


def test_the_district_admin_can_open_any_village_members_page(login, dina, alice):
    response = login(dina).get(URL)
    assert response.status_code == 200
    assert alice.email in response.content.decode()


def test_the_list_does_not_grow_queries_with_members(
    login, dagan, alice, django_assert_max_num_queries
):
    for n in range(15):
        user = make_user(f"editor{n}@dagan.desa.id", f"Editor {n}")
        Membership.objects.create(user=user, village=dagan, role="editor", can_publish=n % 2 == 0)
        invitation_create(village=dagan, email=f"undang{n}@dagan.desa.id", role="editor")
    client = login(alice)
    with django_assert_max_num_queries(9):
        response = client.get(URL)
    assert response.content.decode().count("editor1") >= 6
