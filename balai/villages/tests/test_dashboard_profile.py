"""Editing the village profile from the dashboard."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.villages.models import Village

URL = "/dasbor/dagan/profil/"


def form_data(**overrides) -> dict:
    data = {
        "tagline": "Desa batik tulis",
        "history": "Berdiri tahun 1830.",
        "vision": "Maju bersama",
        "mission": "Melayani\nMembangun",
        "office_address": "Jl. Raya Dagan 1",
        "latitude": "-7,301234",
        "longitude": "109.3656789",
        "phone": "0281-123456",
        "email": "kantor@dagan.desa.id",
        "office_hours": "Senin–Jumat 08.00–14.00",
    }
    data.update(overrides)
    return data


def test_an_admin_saves_the_profile_and_it_is_audited(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:village", kwargs={"slug": "dagan"})
    village = Village.objects.get(pk=dagan.pk)
    assert village.history == "Berdiri tahun 1830."
    assert village.latitude == Decimal("-7.301234")
    assert village.longitude == Decimal("109.365679")
    assert village.content_version == 2
    entry = AuditEntry.objects.get(action="village.profile_update")
    assert entry.actor == alice
    assert entry.village == village
    assert "history" in entry.details["fields"]
    assert "tagline" not in entry.details["fields"]


def test_a_mentor_may_edit_the_profile(client, maya, dagan):
    client.force_login(maya)
    assert client.post(URL, form_data(tagline="Dibantu pendamping")).status_code == 302
    assert Village.objects.get(pk=dagan.pk).tagline == "Dibantu pendamping"


def test_saving_without_changes_records_nothing(client, alice, dagan):
    client.force_login(alice)
    client.post(URL, form_data())
    client.post(URL, form_data())
    assert AuditEntry.objects.filter(action="village.profile_update").count() == 1


def test_half_a_map_point_is_refused_and_what_was_typed_stays(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, form_data(longitude="", history="Sejarah baru yang panjang"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Isi lintang dan bujur bersama-sama" in html
    assert "Sejarah baru yang panjang" in html
    village = Village.objects.get(pk=dagan.pk)
    assert village.history == ""
    assert village.content_version == 1


def test_a_bad_email_and_coordinate_are_refused_in_indonesian(client, alice, dagan):
    client.force_login(alice)
    response = client.post(URL, form_data(email="bukan-email", latitude="utara"))
    html = response.content.decode()
    assert "Tulis angka seperti -7.3051, atau tempel pasangan dari Google Maps" in html
    assert "Ada yang perlu diperbaiki" in html
    assert Village.objects.get(pk=dagan.pk).email == ""


def test_a_pair_pasted_from_google_maps_into_latitude_fills_both(client, alice, dagan):
    client.force_login(alice)
    data = form_data(latitude="-7.3051, 109.3685", longitude="")
    response = client.post(URL, data)
    assert response.status_code == 302
    village = Village.objects.get(pk=dagan.pk)
    assert (village.latitude, village.longitude) == (Decimal("-7.305100"), Decimal("109.368500"))


def test_the_profile_offers_my_location_only_with_javascript(client, alice, dagan):
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert "Pakai lokasi saya" in html
    assert '<div class="geolocate" data-geolocate data-lat="id_latitude"' in html
    assert "geolocate.js" in html
