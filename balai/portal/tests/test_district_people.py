from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from balai.accounts.models import KecamatanViewer, User
from balai.audit.models import AuditEntry
from balai.conftest import make_user
from balai.portal.services import DistrictError, district_admin_set


def set_admin(client, user, grant):
    url = reverse("district:district_admin", args=[user.pk])
    return client.post(url, {"grant": "1" if grant else "0"}, follow=True)


def test_people_page_lists_everyone_with_their_roles(login, dina, alice, maya, kiki):
    html = login(dina).get(reverse("district:people")).content.decode()
    assert "Alice Rahayu" in html and "Admin desa" in html
    assert "Pendamping (RTIK)" in html
    assert "Pemantau Kec. Bobotsari" in html


def test_people_page_query_count_is_bounded(
    login, dina, alice, bob, maya, kiki, django_assert_max_num_queries
):
    client = login(dina)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("district:people")).status_code == 200


def test_people_page_pages_with_the_shared_parameter(login, dina):
    User.objects.bulk_create(
        [User(email=f"orang{n:02}@contoh.id", name=f"Orang {n:02}") for n in range(60)]
    )
    client = login(dina)
    first = client.get(reverse("district:people")).content.decode()
    assert "Halaman 1 dari 2" in first and "?halaman=2" in first
    second = client.get(reverse("district:people"), {"halaman": 2}).content.decode()
    assert "Halaman 2 dari 2" in second


def test_district_admin_grants_and_revokes_district_admin(login, dina, alice):
    client = login(dina)
    set_admin(client, alice, True)
    alice.refresh_from_db()
    assert alice.is_district_admin
    set_admin(client, alice, False)
    alice.refresh_from_db()
    assert not alice.is_district_admin
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("id"))
    assert actions == ["user.district_admin_grant", "user.district_admin_revoke"]


def test_the_last_district_admin_cannot_be_removed(dina, alice):
    with pytest.raises(DistrictError, match="paling sedikit satu admin kabupaten"):
        district_admin_set(user=dina, grant=False, actor=alice)
    dina.refresh_from_db()
    assert dina.is_district_admin and not AuditEntry.objects.exists()


def test_an_inactive_admin_does_not_count_towards_the_last_one(dina, alice):
    make_user("lama@purbalinggakab.go.id", "Lama", is_district_admin=True, is_active=False)
    with pytest.raises(DistrictError):
        district_admin_set(user=dina, grant=False, actor=alice)


def test_the_only_district_admin_is_not_offered_a_revoke_button(login, dina):
    html = login(dina).get(reverse("district:people")).content.decode()
    assert 'name="grant" value="0"' not in html


def test_nobody_revokes_their_own_district_admin(login, dina):
    make_user("lain@purbalinggakab.go.id", "Admin Lain", is_district_admin=True)
    response = set_admin(login(dina), dina, False)
    assert "tidak dapat mencabut hak admin kabupaten Anda sendiri" in response.content.decode()
    dina.refresh_from_db()
    assert dina.is_district_admin


def test_kecamatan_viewer_is_added_and_removed(login, dina, alice):
    client = login(dina)
    url = reverse("district:viewer_add")
    assert client.post(url, {"email": alice.email, "kecamatan": "33.03.14"}).status_code == 302
    viewer = KecamatanViewer.objects.get(user=alice)
    assert viewer.kecamatan_id == "33.03.14"
    client.post(reverse("district:viewer_remove", args=[viewer.pk]))
    assert not KecamatanViewer.objects.exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert actions == {"user.kecamatan_viewer_add", "user.kecamatan_viewer_remove"}


def test_creating_a_kecamatan_viewer_account_emails_a_set_password_link(login, dina):
    response = login(dina).post(
        reverse("district:user_create"),
        {
            "name": "Camat Uji",
            "email": "Camat@Kec.go.id",
            "kind": "kecamatan",
            "kecamatan": "33.03.09",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="camat@kec.go.id")
    assert user.name == "Camat Uji" and not user.is_district_admin
    assert KecamatanViewer.objects.get(user=user).kecamatan_id == "33.03.09"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["camat@kec.go.id"]
    assert "/masuk/sandi-baru/" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="user.create", target="camat@kec.go.id").exists()


def test_creating_an_account_needs_a_kecamatan_for_a_viewer_and_a_new_email(login, dina, alice):
    client = login(dina)
    url = reverse("district:user_create")
    response = client.post(
        url, {"name": "Tanpa Kec", "email": "baru@kec.go.id", "kind": "kecamatan"}
    )
    assert response.status_code == 400
    assert "Pilih kecamatan yang dipantau." in response.content.decode()
    response = client.post(url, {"name": "Alice Lagi", "email": alice.email, "kind": "mentor"})
    assert "Sudah ada akun dengan email ini." in response.content.decode()
    assert User.objects.count() == 2 and not mail.outbox
