"""The village overview lists what the site still lacks, with links to fix each."""

from __future__ import annotations

from django.core.files.base import ContentFile

from balai.lib.tests.files import png_bytes
from balai.villages.models import Page
from balai.villages.tests.conftest import add_officials, fill_profile

URL = "/dasbor/dagan/"


def test_a_new_site_lacks_almost_everything(client, alice, dagan):
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert "1 dari 11 sudah lengkap" in html  # only the tagline
    assert 'href="/dasbor/dagan/tampilan/">Unggah logo' in html
    assert 'href="/dasbor/dagan/perangkat/">Tambah kepala desa' in html
    assert 'href="/dasbor/dagan/halaman/tambah/?jenis=privasi">Buat halaman' in html
    assert '<progress max="11" value="1"' in html


def test_a_complete_site_shows_full_progress(client, alice, dagan):
    fill_profile(dagan)
    dagan.logo.save("x.png", ContentFile(png_bytes()), save=True)
    add_officials(dagan, ("Sugeng", "Kepala Desa"), ("Siti", "Sekretaris Desa"), ("Budi", "Kaur"))
    Page.objects.create(
        village=dagan, title="Kebijakan Privasi", slug="kebijakan-privasi", body="x"
    )
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert "11 dari 11 sudah lengkap" in html
    assert "Unggah logo" not in html


def test_a_secretary_alone_does_not_count_as_the_head(client, alice, dagan):
    add_officials(dagan, ("Siti", "Sekretaris Desa"))
    client.force_login(alice)
    assert "Tambah kepala desa" in client.get(URL).content.decode()


def test_an_unpublished_privacy_page_does_not_count(client, alice, dagan):
    Page.objects.create(
        village=dagan, title="Privasi", slug="kebijakan-privasi", body="x", is_published=False
    )
    client.force_login(alice)
    assert "Buat halaman" in client.get(URL).content.decode()
