"""WhatsApp and the expected wait on the applicant's pages, and the operator's status message."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.urls import reverse

from balai.registrations.models import REVIEW_WORKING_DAYS
from balai.registrations.services import application_request_revision

pytestmark = pytest.mark.django_db


def hrefs(page: str, prefix: str) -> list[str]:
    import re

    return [
        h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', page) if h.startswith(prefix)
    ]


def test_the_confirmation_shows_the_wait_and_the_copy_and_share_buttons(client, walk, settings):
    settings.DISTRICT_WHATSAPP = "0812-1111-2222"
    walk()
    client.post("/daftar/periksa/")
    page = client.get("/daftar/terkirim/").content.decode()
    assert f"biasanya dalam {REVIEW_WORKING_DAYS} hari kerja" in page
    assert "Salin kode" in page and "registrations/copy.js" in page
    (share,) = hrefs(page, "https://wa.me/?")
    text = parse_qs(urlsplit(share).query)["text"][0]
    assert "Desa Bokol" not in text and "Bokol" in text and "/daftar/status/" in text
    # What the applicant typed (name, number, e-mail) is in no link.
    assert "Sri" not in unquote(share) and "3456" not in share
    (district,) = hrefs(page, "https://wa.me/6281211112222?text=")
    assert "WhatsApp admin kabupaten (0812 1111 2222)" in page
    assert "%20" in district and " " not in district


def test_the_status_page_shows_the_wait_and_hides_an_unset_district_number(
    client, application, settings
):
    settings.DISTRICT_WHATSAPP = ""
    page = client.get(f"/daftar/status/{application.code}/").content.decode()
    assert "hari kerja" in page
    assert "WhatsApp admin kabupaten" not in page
    assert len(hrefs(page, "https://wa.me/")) == 1  # only "Kirim ke WhatsApp saya"
    assert "81234567890" not in page


def test_the_email_and_the_pages_say_the_same_wait(mailoutbox, walk, client):
    walk()
    client.post("/daftar/periksa/")
    assert f"biasanya dalam {REVIEW_WORKING_DAYS} hari kerja" in mailoutbox[0].body


def test_the_portal_home_offers_cek_status(client, db):
    page = client.get("/").content.decode()
    assert 'href="/daftar/status/"' in page and "Cek status" in page


def test_the_operator_gets_the_latest_status_as_a_whatsapp_message(login, dina, application):
    application_request_revision(application=application, admin=dina, message="Surat belum dicap.")
    page = login(dina).get(reverse("review:detail", args=[application.pk])).content.decode()
    (link,) = hrefs(page, "https://wa.me/6281234567890?text=")
    text = parse_qs(urlsplit(link).query)["text"][0]
    assert text.startswith("Yth. Slamet Riyadi, permohonan situs Bokol perlu diperbaiki: Surat")
    assert f"/daftar/status/{application.code}/" in text
    assert " " not in link and "&" not in link.split("?text=")[1]
