"""The agenda (upcoming, past, iCalendar) and the gallery."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from balai.news.models import Album, Event
from balai.villages.tests.conftest import image_upload, text_as_jpg


def test_an_event_added_on_the_dashboard_shows_as_upcoming_and_in_the_calendar(
    login, alice, dagan, client
):
    start = timezone.localtime() + timedelta(days=3)
    login(alice).post(
        "/dasbor/dagan/berita/agenda/tambah/",
        {
            "title": "Musyawarah Desa",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "place": "Balai Desa",
            "organiser": "BPD",
        },
    )
    Event.objects.create(
        village=dagan,
        title="Senam lalu",
        place="Lapangan",
        starts_at=timezone.now() - timedelta(days=10),
    )
    client.logout()
    html = client.get("/desa/dagan/agenda/").content.decode()
    assert html.index("Musyawarah Desa") < html.index("Sudah lewat") < html.index("Senam lalu")
    ics = client.get("/desa/dagan/agenda.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    text = ics.content.decode()
    assert "BEGIN:VEVENT" in text and "SUMMARY:Musyawarah Desa" in text and "\r\n" in text
    assert ">Agenda<" in client.get("/desa/dagan/").content.decode()


def test_an_end_before_the_start_is_refused(login, alice, dagan):
    html = (
        login(alice)
        .post(
            "/dasbor/dagan/berita/agenda/tambah/",
            {
                "title": "Aneh",
                "starts_at": "2026-05-02T10:00",
                "ends_at": "2026-05-01T10:00",
                "place": "Balai",
            },
        )
        .content.decode()
    )
    assert "Waktu selesai harus sesudah waktu mulai." in html and not Event.objects.exists()


def test_an_album_with_captioned_photos_appears_in_the_gallery(login, alice, dagan, client):
    c = login(alice)
    c.post("/dasbor/dagan/berita/galeri/", {"title": "Panen Raya"})
    album = Album.objects.get()
    url = f"/dasbor/dagan/berita/galeri/{album.pk}/"
    c.post(
        url, {"photo": image_upload(), "alt": "Petani memanen", "caption": "Panen di Dusun Krajan"}
    )
    bad = c.post(url, {"photo": text_as_jpg(), "alt": "x"}).content.decode()
    assert "bukan" in bad
    client.logout()
    assert "Panen Raya" in client.get("/desa/dagan/galeri/").content.decode()
    page = client.get("/desa/dagan/galeri/panen-raya/").content.decode()
    assert "Panen di Dusun Krajan" in page and 'alt="Petani memanen"' in page
    assert album.photos.count() == 1
    assert ">Galeri<" in client.get("/desa/dagan/").content.decode()
