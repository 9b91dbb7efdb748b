"""Issuing the letter from an online request: `?permintaan=` on the letters' issue page takes
only this village's open request for this resident and this letter; the issued letter is kept
with the request and is what the hand-over gives the resident."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.letters.seed import seed_templates
from balai.letters.tests.conftest import make_officials
from balai.services import services
from balai.services.catalogue import catalogue_seed
from balai.services.models import Service, ServiceRequest
from balai.services.tests.conftest import NIK, make_resident

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_request(dagan):
    seed_templates()
    make_officials(dagan)
    catalogue_seed(village=dagan)
    resident = make_resident(dagan, nik=NIK, name="WARTINI")
    service = Service.objects.for_village(dagan).get(letter_key="domisili")
    data = {"name": "Wartini", "nik": NIK, "phone": "+6281234567890", "purpose": "Melamar kerja"}
    req = services.request_submit(village=dagan, service=service, data=data, documents=[])
    services.request_match(req=req, resident=resident, actor=None)
    return req


def issue_url(req, key="domisili") -> str:
    url = reverse(
        "letters_dashboard:issue",
        kwargs={"slug": "dagan", "resident": req.resident_id, "key": key},
    )
    return f"{url}?permintaan={req.pk}"


def test_the_letter_issued_from_a_request_is_handed_over(login, alice, open_request):
    client = login(alice)
    page = client.get(issue_url(open_request)).content.decode()
    assert open_request.code in page and "Melamar kerja" in page
    response = client.post(
        issue_url(open_request),
        {"isian_keperluan": "Melamar kerja", "signer": _head(open_request), "terbitkan": "1"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/layanan/permohonan/{open_request.pk}/")
    open_request.refresh_from_db()
    assert open_request.letter is not None
    from balai.letters.selectors import letter_pdf

    assert services.handover_pdf(open_request) == letter_pdf(open_request.letter)


def test_another_letter_type_or_a_closed_request_is_not_linked(login, alice, open_request):
    client = login(alice)
    assert open_request.code not in client.get(issue_url(open_request, "usaha")).content.decode()
    ServiceRequest.objects.filter(pk=open_request.pk).update(status=ServiceRequest.Status.REJECTED)
    assert open_request.code not in client.get(issue_url(open_request)).content.decode()


def _head(req) -> int:
    from balai.villages.models import Official

    return Official.objects.for_village(req.village).get(position="Kepala Desa").pk
