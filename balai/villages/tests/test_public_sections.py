"""Each public page shows what the village filled and hides what it did not."""

from __future__ import annotations

from django.urls import reverse

from balai.villages.content import content_changed
from balai.villages.models import Page
from balai.villages.tests.conftest import add_officials


def url(name: str, **kwargs) -> str:
    return reverse(f"site:{name}", kwargs={"village_slug": "dagan", **kwargs})


def test_an_empty_village_home_shows_a_welcome_and_no_empty_sections(client, dagan):
    response = client.get(url("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Selamat datang di situs resmi Desa Dagan, Kecamatan Bobotsari" in html
    assert "Desa batik tulis" in html
    assert url("profile") not in html
    assert url("government") not in html
    assert "Hubungi kantor desa" not in html
    assert "Jelajahi" not in html


def test_the_profile_and_government_pages_of_an_empty_village_are_not_found(client, dagan):
    assert client.get(url("profile")).status_code == 404
    assert client.get(url("government")).status_code == 404


def test_a_filled_home_shows_the_head_of_village_links_and_contact(client, filled_dagan):
    add_officials(filled_dagan, ("Sugeng Riyadi", "Kepala Desa"), ("Siti Aminah", "Sekretaris"))
    html = client.get(url("home")).content.decode()
    assert "Sugeng Riyadi" in html
    assert html.count(f'href="{url("profile")}"') >= 2  # menu and quick links
    assert f'href="{url("government")}"' in html
    assert "Hubungi kantor desa" in html
    assert 'href="tel:0281-123456"' in html
    assert "Dagan maju, mandiri dan berbudaya" in html


def test_the_profile_page_shows_history_missions_as_a_list_and_a_map_link(client, filled_dagan):
    html = client.get(url("profile")).content.decode()
    assert "Dagan berdiri sejak zaman Mataram." in html
    assert "<li>Meningkatkan pelayanan</li>" in html
    assert "<li>Menjaga sungai</li>" in html
    assert "1. Meningkatkan" not in html
    assert "-7.301234, 109.365678" in html
    assert (
        "https://www.openstreetmap.org/?mlat=-7.301234&amp;mlon=109.365678#map=17/-7.301234/109.365678"
        in html
    )
    assert "Buka di OpenStreetMap" in html
    assert "<script" not in html


def test_the_profile_page_leaves_out_what_is_empty(client, dagan):
    dagan.vision = "Desa sejahtera"
    dagan.save()
    html = client.get(url("profile")).content.decode()
    assert "Desa sejahtera" in html
    assert "Sejarah" not in html
    assert "OpenStreetMap" not in html
    assert "Misi" not in html


def test_the_government_page_lists_officials_in_order_with_photo_or_initials(client, dagan):
    add_officials(
        dagan,
        ("H. Sugeng Riyadi, S.Pd.", "Kepala Desa"),
        ("Siti Aminah", "Sekretaris Desa"),
        ("Budi", "Kaur Keuangan"),
    )
    html = client.get(url("government")).content.decode()
    assert html.index("Sugeng") < html.index("Siti Aminah") < html.index("Kaur Keuangan")
    assert ">SR</span>" in html
    assert ">SA</span>" in html


def test_a_published_page_shows_cleaned_html_and_appears_in_the_menu(client, dagan):
    Page.objects.create(
        village=dagan,
        title="Layanan Surat",
        slug="layanan",
        body='<p onclick="x()">Bawa <strong>KTP</strong></p><script>alert(1)</script>'
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)">klik</a>',
    )
    home = client.get(url("home")).content.decode()
    assert f'href="{url("page", page_slug="layanan")}"' in home
    html = client.get(url("page", page_slug="layanan")).content.decode()
    assert "<p>Bawa <strong>KTP</strong></p>" in html
    assert "alert" not in html
    assert "onclick" not in html
    assert "<img" not in html.split('<article class="prose">')[1]


def test_plain_text_bodies_become_paragraphs(client, dagan):
    Page.objects.bulk_create(
        [Page(village=dagan, title="Tentang", slug="tentang", body="Baris satu\n\nBaris dua")]
    )
    html = client.get(url("page", page_slug="tentang")).content.decode()
    assert "<p>Baris satu</p><p>Baris dua</p>" in html


def test_an_unpublished_page_is_hidden_and_not_found(client, dagan):
    Page.objects.create(
        village=dagan, title="Rahasia", slug="rahasia", body="x", is_published=False
    )
    assert "Rahasia" not in client.get(url("home")).content.decode()
    assert client.get(url("page", page_slug="rahasia")).status_code == 404


def test_another_village_page_is_not_reachable_through_dagan(client, dagan, bojongsari):
    Page.objects.create(village=bojongsari, title="Milik Bojongsari", slug="milik", body="x")
    assert client.get(url("page", page_slug="milik")).status_code == 404


def test_pages_carry_a_canonical_link_to_the_preferred_address(client, filled_dagan):
    html = client.get(url("profile")).content.decode()
    assert '<link rel="canonical" href="http://testserver/desa/dagan/profil/">' in html
    filled_dagan.domains.create(domain="dagan.desa.id")
    content_changed(filled_dagan)
    html = client.get(url("profile")).content.decode()
    assert '<link rel="canonical" href="http://dagan.desa.id/profil/">' in html


def test_public_pages_carry_no_script_and_no_inline_style(client, filled_dagan):
    add_officials(filled_dagan, ("Sugeng", "Kepala Desa"))
    for name in ("home", "profile", "government"):
        html = client.get(url(name)).content.decode()
        assert "<script" not in html
        assert "style=" not in html
        assert "<style" not in html
        assert len(html) < 20_000
