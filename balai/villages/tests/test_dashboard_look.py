"""Logo and colour: images are checked by their bytes and re-encoded; white text stays readable."""

from __future__ import annotations

from django.core.files.storage import default_storage
from PIL import Image

from balai.villages.models import Village
from balai.villages.tests.conftest import image_upload, text_as_jpg, too_big_jpg

URL = "/dasbor/dagan/tampilan/"


def test_a_logo_is_reencoded_square_under_a_random_name(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, {"primary_color": "#1f6f43", "logo": image_upload("logo desa.png")})
    assert response.status_code == 302
    village = Village.objects.get(pk=dagan.pk)
    assert village.logo.name.startswith("logo/")
    assert "logo desa" not in village.logo.name
    with Image.open(village.logo.path) as img:
        assert img.size == (512, 512)
        assert img.format == "JPEG"
    assert village.content_version == 2
    assert village.logo.url in client.get("/desa/dagan/").content.decode()


def test_replacing_the_logo_removes_the_old_file(
    client, alice, dagan, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    client.post(URL, {"primary_color": "#1f6f43", "logo": image_upload()})
    old = Village.objects.get(pk=dagan.pk).logo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"primary_color": "#1f6f43", "logo": image_upload()})
    assert not default_storage.exists(old)
    assert default_storage.exists(Village.objects.get(pk=dagan.pk).logo.name)


def test_text_renamed_to_jpg_is_refused_and_nothing_changes(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, {"primary_color": "#123456", "logo": text_as_jpg()})
    assert "Berkas ini bukan JPG, PNG atau WebP yang sah" in response.content.decode()
    village = Village.objects.get(pk=dagan.pk)
    assert not village.logo
    assert village.primary_color == "#1f6f43"
    assert village.content_version == 1


def test_a_logo_over_the_photo_limit_is_refused(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, {"primary_color": "#1f6f43", "logo": too_big_jpg()})
    assert "Berkas terlalu besar" in response.content.decode()
    assert not Village.objects.get(pk=dagan.pk).logo


def test_a_light_colour_is_refused_with_a_clear_message(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, {"primary_color": "#FFD700"})
    html = response.content.decode()
    assert "Warna ini terlalu terang" in html
    assert "paling sedikit 4,5:1" in html
    assert Village.objects.get(pk=dagan.pk).primary_color == "#1f6f43"


def test_a_dark_colour_is_saved_and_served_in_the_theme(client, alice, dagan):
    client.force_login(alice)
    assert client.post(URL, {"primary_color": "#8B1E3F"}).status_code == 302
    village = Village.objects.get(pk=dagan.pk)
    assert village.primary_color == "#8b1e3f"
    client.logout()
    css = client.get(f"/desa/dagan/tema.css?v={village.content_version}").content.decode()
    assert "--primary:#8b1e3f" in css


def test_a_colour_that_is_not_hex_is_refused(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, {"primary_color": "hijau"})
    assert "Tulis warna sebagai kode heksadesimal" in response.content.decode()
