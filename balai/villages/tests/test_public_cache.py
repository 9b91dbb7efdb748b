"""Anonymous pages are cached; any save in the dashboard shows on the public site at once."""

from __future__ import annotations

from django.urls import reverse

from balai.villages.models import Village
from balai.villages.tests.conftest import image_upload

HOME = "/desa/dagan/"


def test_anonymous_pages_are_served_from_the_cache(client, dagan):
    assert "Desa batik tulis" in client.get(HOME).content.decode()
    Village.objects.filter(pk=dagan.pk).update(tagline="Diubah tanpa menaikkan versi")
    assert "Desa batik tulis" in client.get(HOME).content.decode()


def test_a_profile_save_in_the_dashboard_updates_the_public_page_at_once(client, alice, dagan):
    assert "Desa batik tulis" in client.get(HOME).content.decode()
    client.force_login(alice)
    response = client.post(
        reverse("dashboard:profile", kwargs={"slug": "dagan"}), {"tagline": "Desa wisata sungai"}
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(HOME).content.decode()
    assert "Desa wisata sungai" in html
    assert "Desa batik tulis" not in html


def test_adding_an_official_shows_the_government_section_at_once(client, alice, dagan):
    assert "/desa/dagan/pemerintahan/" not in client.get(HOME).content.decode()
    client.force_login(alice)
    client.post(
        reverse("dashboard:official_add", kwargs={"slug": "dagan"}),
        {"name": "Sugeng Riyadi", "position": "Kepala Desa", "photo": image_upload()},
    )
    client.logout()
    html = client.get(HOME).content.decode()
    assert "/desa/dagan/pemerintahan/" in html
    assert "Sugeng Riyadi" in html


def test_publishing_a_page_puts_it_in_the_cached_menu(client, bob, dagan):
    assert "Jadwal Posyandu" not in client.get(HOME).content.decode()
    client.force_login(bob)
    client.post(
        reverse("dashboard:page_add", kwargs={"slug": "dagan"}),
        {"title": "Jadwal Posyandu", "slug": "", "body": "Setiap tanggal 5.", "is_published": "on"},
    )
    client.logout()
    assert "Jadwal Posyandu" in client.get(HOME).content.decode()
    assert client.get("/desa/dagan/halaman/jadwal-posyandu/").status_code == 200


def test_members_see_fresh_pages_not_the_cache(client, alice, dagan):
    client.get(HOME)
    Village.objects.filter(pk=dagan.pk).update(tagline="Belum diterbitkan ke cache")
    client.force_login(alice)
    assert "Belum diterbitkan ke cache" in client.get(HOME).content.decode()
