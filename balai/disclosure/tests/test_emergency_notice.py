"""A serta-merta notice with its eight elements shows as a banner on the PPID pages (and, once
the lead includes the banner in site/base.html, on every page) until it is ended."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from balai.disclosure.models import EmergencyNotice
from balai.disclosure.selectors import active_emergency

pytestmark = pytest.mark.django_db

NOTICE = {
    "title": "Waspada tanah longsor",
    "hazard": "Retakan tanah di lereng RW 04.",
    "affected": "25 keluarga RT 02.",
    "evacuation": "Balai desa.",
    "avoidance": "Jauhi lereng saat hujan.",
    "help": "Posko balai desa.",
    "announcer": "Kepala Desa",
    "channel": "Pengeras suara masjid",
    "authority_actions": "BPBD meninjau lokasi.",
}


def test_a_notice_is_published_shown_and_ended(client, dagan, alice):
    client.force_login(alice)
    assert client.post("/dasbor/dagan/ppid/serta-merta/", NOTICE).status_code == 302
    notice = EmergencyNotice.objects.get(village=dagan)
    assert active_emergency(dagan) == notice
    client.logout()
    body = client.get("/desa/dagan/ppid/").content.decode()
    assert "Waspada tanah longsor" in body and 'role="alert"' in body
    full = client.get(f"/desa/dagan/ppid/darurat/{notice.pk}/").content.decode()
    for value in NOTICE.values():
        assert value in full
    client.force_login(alice)
    client.post(f"/dasbor/dagan/ppid/serta-merta/{notice.pk}/akhiri/")
    client.logout()
    assert active_emergency(dagan) is None
    assert "Waspada tanah longsor" not in client.get("/desa/dagan/ppid/").content.decode()


def test_a_notice_missing_an_element_is_refused(client, dagan, alice):
    client.force_login(alice)
    response = client.post("/dasbor/dagan/ppid/serta-merta/", {**NOTICE, "evacuation": ""})
    assert response.status_code == 200
    assert not EmergencyNotice.objects.exists()


def test_the_banner_template_renders_for_any_village_page(dagan, alice, client):
    client.force_login(alice)
    client.post("/dasbor/dagan/ppid/serta-merta/", NOTICE)
    request = RequestFactory().get("/desa/dagan/")
    request.village = dagan
    html = Template('{% include "disclosure/site/_emergency_banner.html" %}').render(
        Context({"request": request})
    )
    assert "Waspada tanah longsor" in html
    assert "/desa/dagan/ppid/darurat/" in html


def test_the_district_portal_shows_active_notices_of_live_villages(client, dagan, alice):
    client.force_login(alice)
    client.post("/dasbor/dagan/ppid/serta-merta/", NOTICE)
    client.logout()
    body = client.get("/ppid/").content.decode()
    assert "Desa Dagan: Waspada tanah longsor" in body
