"""Officials on the dashboard: add with a photo from the phone, edit, delete, reorder."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from balai.villages.models import Official, Village
from balai.villages.tests.conftest import add_officials, image_upload, text_as_jpg, too_big_jpg

LIST = "/dasbor/dagan/perangkat/"
ADD = "/dasbor/dagan/perangkat/tambah/"


def test_the_photo_input_offers_the_camera(client, alice):
    client.force_login(alice)
    html = client.get(ADD).content.decode()
    assert 'accept="image/*"' in html
    assert 'enctype="multipart/form-data"' in html


def test_an_official_is_added_with_a_600px_square_photo_without_exif(client, alice, dagan):
    client.force_login(alice)
    response = client.post(
        ADD,
        {"name": "Sugeng Riyadi", "position": "Kepala Desa", "photo": image_upload(exif=True)},
    )
    assert response.status_code == 302
    official = Official.objects.get(village=dagan)
    assert official.photo.name.startswith("perangkat/")
    with Image.open(official.photo.path) as img:
        assert img.size == (600, 600)
        assert not img.getexif()
    assert Village.objects.get(pk=dagan.pk).content_version == 2


def test_a_small_photo_is_not_blown_up(client, alice, dagan):
    client.force_login(alice)
    client.post(ADD, {"name": "Siti", "position": "Sekdes", "photo": image_upload(size=(300, 400))})
    with Image.open(Official.objects.get().photo.path) as img:
        assert img.size == (300, 300)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (text_as_jpg, "Berkas ini bukan JPG, PNG atau WebP yang sah. Pilih berkas lain."),
        (too_big_jpg, "Berkas terlalu besar"),
    ],
)
def test_a_bad_photo_saves_nothing_and_keeps_what_was_typed(client, alice, dagan, upload, message):
    client.force_login(alice)
    files_before = (
        default_storage.listdir("perangkat")[1] if default_storage.exists("perangkat") else []
    )
    response = client.post(
        ADD, {"name": "Sugeng Riyadi", "position": "Kepala Desa", "photo": upload()}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Sugeng Riyadi"' in html
    assert 'value="Kepala Desa"' in html
    assert not Official.objects.exists()
    files_after = (
        default_storage.listdir("perangkat")[1] if default_storage.exists("perangkat") else []
    )
    assert files_after == files_before
    assert Village.objects.get(pk=dagan.pk).content_version == 1


def test_a_bad_photo_on_edit_keeps_the_old_photo_and_name(client, alice, dagan):
    client.force_login(alice)
    client.post(ADD, {"name": "Sugeng", "position": "Kepala Desa", "photo": image_upload()})
    official = Official.objects.get()
    response = client.post(
        f"{LIST}{official.pk}/",
        {"name": "Sugeng Baru", "position": "Kepala Desa", "photo": text_as_jpg()},
    )
    assert response.status_code == 200
    official.refresh_from_db()
    assert official.name == "Sugeng"
    assert default_storage.exists(official.photo.name)


def test_an_official_without_a_photo_is_fine(client, alice, dagan):
    client.force_login(alice)
    assert client.post(ADD, {"name": "Budi", "position": "Kaur Umum"}).status_code == 302
    assert not Official.objects.get().photo


def test_a_name_is_required(client, alice, dagan):
    client.force_login(alice)
    response = client.post(ADD, {"name": "", "position": "Kaur Umum"})
    assert "Ada yang perlu diperbaiki" in response.content.decode()
    assert not Official.objects.exists()


def test_new_officials_go_to_the_end_of_the_list(client, alice, dagan):
    add_officials(dagan, ("Sugeng", "Kepala Desa"), ("Siti", "Sekretaris"))
    client.force_login(alice)
    client.post(ADD, {"name": "Budi", "position": "Kaur"})
    names = list(Official.objects.for_village(dagan).values_list("name", flat=True))
    assert names == ["Sugeng", "Siti", "Budi"]


def test_officials_move_up_and_down_and_the_public_page_follows(client, alice, dagan):
    a, b, c = add_officials(dagan, ("Ani", "Kasi"), ("Sugeng", "Kepala Desa"), ("Citra", "Kaur"))
    client.force_login(alice)
    client.post(f"{LIST}{b.pk}/pindah/", {"arah": "naik"})
    client.post(f"{LIST}{a.pk}/pindah/", {"arah": "turun"})
    names = list(Official.objects.for_village(dagan).values_list("name", flat=True))
    assert names == ["Sugeng", "Citra", "Ani"]
    client.logout()
    html = client.get("/desa/dagan/pemerintahan/").content.decode()
    assert html.index("Sugeng") < html.index("Citra") < html.index("Ani")


def test_moving_the_first_up_changes_nothing(client, alice, dagan):
    a, b = add_officials(dagan, ("Ani", "Kasi"), ("Budi", "Kaur"))
    before = Village.objects.get(pk=dagan.pk).content_version
    client.force_login(alice)
    response = client.post(f"{LIST}{a.pk}/pindah/", {"arah": "naik"})
    assert response.status_code == 302
    assert list(Official.objects.for_village(dagan).values_list("name", flat=True)) == [
        "Ani",
        "Budi",
    ]
    assert Village.objects.get(pk=dagan.pk).content_version == before


def test_moving_needs_a_post(client, alice, dagan):
    (a,) = add_officials(dagan, ("Ani", "Kasi"))
    client.force_login(alice)
    assert client.get(f"{LIST}{a.pk}/pindah/").status_code == 405


def test_deleting_asks_first_then_removes_the_official(client, alice, dagan):
    (a,) = add_officials(dagan, ("Ani", "Kasi"))
    client.force_login(alice)
    assert "Hapus Ani?" in client.get(f"{LIST}{a.pk}/hapus/").content.decode()
    assert Official.objects.exists()
    before = Village.objects.get(pk=dagan.pk).content_version
    assert client.post(f"{LIST}{a.pk}/hapus/").status_code == 302
    assert not Official.objects.exists()
    assert Village.objects.get(pk=dagan.pk).content_version == before + 1


def test_the_officials_list_keeps_its_query_count(
    client, alice, dagan, django_assert_max_num_queries
):
    for i in range(12):
        add_officials(dagan, (f"Perangkat {i}", "Kaur"))
    client.force_login(alice)
    client.get(LIST)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.content.decode().count("<strong>Perangkat ") == 12


def test_the_public_government_page_keeps_its_query_count(
    client, dagan, django_assert_max_num_queries
):
    for i in range(12):
        add_officials(dagan, (f"Perangkat {i}", "Kaur"))
    client.get("/desa/dagan/")  # builds the site menu, cached per content version
    # What matters is that twelve officials do not cost twelve queries.
    with django_assert_max_num_queries(5):
        response = client.get("/desa/dagan/pemerintahan/")
    assert response.content.decode().count('class="official-name">Perangkat ') == 12
