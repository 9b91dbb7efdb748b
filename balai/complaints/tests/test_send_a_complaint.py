"""A resident sends a complaint from the village site: a tracking code comes back; anonymity
keeps no identity at all; bots (honeypot), floods (rate limit), bad photos and points far from
the village are refused with a message and leave nothing written; gambling spam is kept but
held out of the queue."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.complaints.models import Complaint, ComplaintEvent
from balai.complaints.selectors import complaint_queue
from balai.complaints.services import today
from balai.lib.storage import private_storage
from balai.lib.tests import files
from balai.villages.tests.conftest import image_upload

pytestmark = pytest.mark.django_db
SEND = "/desa/dagan/pengaduan/kirim/"


def form(**overrides):
    data = {
        "category": "infrastruktur",
        "text": "Jembatan di RT 03 retak, berbahaya untuk anak sekolah.",
        "name": "Sri Wahyuni",
        "phone": "0812 3456 7890",
        "email": "",
        "latitude": "",
        "longitude": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_a_resident_gets_a_tracking_code_and_link(client, dagan):
    response = client.post(SEND, form(), follow=True)
    complaint = Complaint.objects.get()
    html = response.content.decode()
    assert complaint.code in html and "Pengaduan terkirim" in html
    assert "Petugas desa menanggapi paling lambat" in html  # what happens next
    assert re.fullmatch(r"[ACDEFGHJKMNPQRTUVWXY34679]{10}", complaint.code)
    assert complaint.number.startswith(f"ADU-{today().year}-") and complaint.name == "Sri Wahyuni"
    assert complaint.phone == "+6281234567890" and complaint.status == "received"
    assert "no-store" in response["Cache-Control"]
    assert ComplaintEvent.objects.get().kind == "received"


def test_an_anonymous_complaint_keeps_no_identity_even_when_typed(client, dagan):
    client.post(SEND, form(anonymous="on", email="sri@contoh.id"))
    complaint = Complaint.objects.get()
    assert complaint.anonymous
    assert (complaint.name, complaint.phone, complaint.email) == ("", "", "")


def test_without_anonymity_a_name_and_a_contact_are_asked_for(client, dagan):
    response = client.post(SEND, form(name="", phone=""))
    html = response.content.decode()
    assert "Tulis nama Anda" in html and "Isi nomor WhatsApp atau email" in html
    assert not Complaint.objects.exists()


def test_the_honeypot_refuses_a_bot(client, dagan):
    response = client.post(SEND, form(website="http://spam.example"))
    assert response.status_code == 200 and "Kiriman ditolak" in response.content.decode()
    assert not Complaint.objects.exists()


def test_gambling_spam_is_held_out_of_the_queue(client, dagan):
    client.post(SEND, form(text="Slot gacor maxwin hari ini, daftar sekarang"))
    complaint = Complaint.objects.get()
    assert complaint.suspicious
    assert complaint_queue(dagan, on=today()) == []


def test_a_flood_from_one_visitor_is_refused_without_writing(client, dagan):
    for _ in range(5):
        assert client.post(SEND, form()).status_code == 302
    refused = client.post(SEND, form())
    assert refused.status_code == 429 and "Terlalu banyak percobaan" in refused.content.decode()
    assert Complaint.objects.count() == 5


@pytest.mark.parametrize(
    ("name", "data"), [("foto.png", files.SVG), ("foto.jpg", b"bukan gambar sama sekali")]
)
def test_a_bad_photo_is_a_field_error_and_nothing_is_written(client, dagan, name, data):
    upload = SimpleUploadedFile(name, data, "image/jpeg")
    response = client.post(SEND, {**form(), "photo": upload})
    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_photo_is_reencoded_into_private_storage(client, dagan):
    client.post(SEND, {**form(), "photo": image_upload(exif=True)})
    complaint = Complaint.objects.get()
    data = complaint.photo.read()
    assert data.startswith(b"\xff\xd8") and b"KameraRahasia" not in data
    assert complaint.photo.name.startswith("pengaduan/") and complaint.photo.name.endswith(".jpg")
    assert type(complaint.photo.storage).__name__ == type(private_storage()).__name__


def test_a_pasted_google_maps_pair_is_kept(client, dagan):
    dagan.latitude, dagan.longitude = -7.3051, 109.3685
    dagan.save()
    client.post(SEND, form(latitude="-7.3061, 109.3695"))
    complaint = Complaint.objects.get()
    assert str(complaint.latitude) == "-7.306100" and str(complaint.longitude) == "109.369500"


def test_a_point_far_from_the_village_office_is_refused(client, dagan):
    dagan.latitude, dagan.longitude = -7.3051, 109.3685
    dagan.save()
    response = client.post(SEND, form(latitude="-6.2000, 106.8166"))
    assert "dari kantor desa" in response.content.decode()
    assert not Complaint.objects.exists()
