"""The counter's queue: oldest first with overdue flags, matching to the register (staff only,
audit-logged), the states, and bounded queries at 1,000 open requests."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from balai.audit.models import AuditEntry
from balai.services import services
from balai.services.models import ServiceRequest
from balai.services.tests.conftest import (
    NIK,
    dash,
    make_request,
    make_resident,
    pdf_upload,
    photo,
)
from balai.villages.worklist import DISTRICT, WorkScope, work_counts

pytestmark = pytest.mark.django_db
Status = ServiceRequest.Status


def _aged(req: ServiceRequest, days: int) -> ServiceRequest:
    submitted = timezone.now() - timedelta(days=days)
    ServiceRequest.objects.filter(pk=req.pk).update(
        submitted_at=submitted, due_on=timezone.localdate(submitted) + timedelta(days=1)
    )
    return req


def test_the_queue_puts_the_longest_waiting_first_and_flags_overdue(login, alice, dagan, service):
    new = make_request(dagan, service, name="Baru")
    old = _aged(make_request(dagan, service, name="Lama"), 10)
    done = _aged(make_request(dagan, service, name="Selesai"), 20)
    services.request_reject(req=done, actor=alice, reason="x")
    html = login(alice).get(dash(dagan, "index")).content.decode()
    assert html.index(old.code) < html.index(new.code)
    assert done.code not in html
    assert html.count("Lewat janji") == 1
    archive = login(alice).get(dash(dagan, "index") + "?tampil=arsip").content.decode()
    assert done.code in archive and new.code not in archive


def test_editors_and_other_villages_get_nothing(login, bob, charlie, dagan, service):
    req = make_request(dagan, service)
    for person in (bob, charlie):
        client = login(person)
        assert client.get(dash(dagan, "index")).status_code == 404
        assert client.get(dash(dagan, "request", pk=req.pk)).status_code == 404


def test_staff_see_whether_the_nik_matches_and_link_the_resident(login, alice, dagan, service):
    resident = make_resident(dagan, nik=NIK)
    req = make_request(dagan, service)
    client = login(alice)
    page = client.get(dash(dagan, "request", pk=req.pk)).content.decode()
    assert "NIK ada di register" in page and resident.name in page
    assert AuditEntry.objects.filter(action="services.request_view", target=req.code).exists()
    response = client.post(dash(dagan, "request_match", pk=req.pk), {"resident": resident.pk})
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.resident == resident and req.status == Status.PROCESSING
    other = make_request(dagan, service, nik="3303099999990001")
    page = client.get(dash(dagan, "request", pk=other.pk)).content.decode()
    assert "NIK tidak ada di register" in page


def test_the_register_is_searched_by_post_and_logged(login, alice, dagan, bojongsari, service):
    make_resident(dagan, nik=NIK, name="WARTINI SUSANTI")
    stranger = make_resident(bojongsari, nik="3303091111110001", name="WARTINI LAIN")
    req = make_request(dagan, service)
    client = login(alice)
    assert client.get(dash(dagan, "request_search", pk=req.pk)).status_code == 405
    page = client.post(dash(dagan, "request_search", pk=req.pk), {"q": "wartini"})
    html = page.content.decode()
    assert "WARTINI SUSANTI" in html and "WARTINI LAIN" not in html
    assert AuditEntry.objects.filter(action="services.register_search").count() == 1
    refused = client.post(dash(dagan, "request_match", pk=req.pk), {"resident": stranger.pk})
    assert refused.status_code == 404


def test_the_states_follow_the_steps(alice, dagan, service, settings):
    req = make_request(dagan, service, email="warga@contoh.id")
    services.request_ask(req=req, actor=alice, message="Kirim foto KK.")
    assert req.status == Status.NEEDS_MORE
    services.request_answer(req=req, body="Sudah", documents=[])
    assert req.status == Status.SUBMITTED
    services.request_ready(req=req, actor=alice)
    assert req.status == Status.READY
    with pytest.raises(services.ServiceRequestError):
        services.request_ask(req=req, actor=alice, message="x")
    services.request_collected(req=req, actor=alice)
    assert req.status == Status.DONE and req.closed_at
    with pytest.raises(services.ServiceRequestError):
        services.request_reject(req=req, actor=alice, reason="x")


def test_each_step_reaches_the_resident_by_email_and_whatsapp(
    login, alice, dagan, service, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        req = make_request(dagan, service, email="warga@contoh.id")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_ask(req=req, actor=alice, message="Kirim foto KK.")
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [
        "Permohonan Surat Keterangan Domisili sudah diterima",
        "Permohonan Surat Keterangan Domisili perlu dilengkapi",
    ]
    assert f"/layanan/lacak/{req.code}/" in mail.outbox[1].body
    page = login(alice).get(dash(dagan, "request", pk=req.pk)).content.decode()
    assert "https://wa.me/6281234567890?text=" in page


def test_staff_hand_over_an_uploaded_pdf_and_may_reopen_it(login, alice, dagan, service):
    req = make_request(dagan, service)
    client = login(alice)
    missing = client.post(dash(dagan, "request_handover", pk=req.pk), {})
    assert missing.status_code == 400 and "Lampirkan PDF" in missing.content.decode()
    photo_as_pdf = client.post(
        dash(dagan, "request_handover", pk=req.pk),
        {"pdf": photo()},
    )
    assert photo_as_pdf.status_code == 400
    ok = client.post(dash(dagan, "request_handover", pk=req.pk), {"pdf": pdf_upload()})
    assert ok.status_code == 302
    req.refresh_from_db()
    assert req.status == Status.DONE and req.download_open
    assert client.get(dash(dagan, "request_letter", pk=req.pk)).content.startswith(b"%PDF")
    assert services.request_download(req=req) and services.request_download(req=req) is None
    client.post(dash(dagan, "request_reopen", pk=req.pk))
    req.refresh_from_db()
    assert req.download_open


def test_a_document_is_served_to_staff_only_and_logged(
    client, login, alice, dagan, service, settings
):
    from balai.lib.uploads import document_prepare

    req = services.request_submit(
        village=dagan,
        service=service,
        data={"name": "W", "nik": NIK, "phone": "+6281234567890", "purpose": "x"},
        documents=[document_prepare(photo())],
    )
    row = req.files.get()
    url = dash(dagan, "request_file", pk=req.pk, file_id=row.pk)
    assert client.get(url).status_code == 302  # to the login page
    response = login(alice).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.filter(action="services.file_view", target=req.code).exists()
    assert row.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))  # never under /media/


def test_the_district_worklist_counts_open_and_overdue(dagan, service):
    make_request(dagan, service)
    _aged(make_request(dagan, service), 10)
    (count,) = [w for w in work_counts(WorkScope(DISTRICT)) if w.key == "services"]
    assert (count.count, count.overdue) == (2, 1)


def test_the_queue_stays_within_a_query_budget_at_1000_requests(
    login, alice, dagan, service, django_assert_max_num_queries
):
    now = timezone.now()
    ServiceRequest.objects.bulk_create(
        ServiceRequest(
            village=dagan,
            service=service,
            code=f"Q{i:09d}",
            name=f"Warga {i}",
            nik=NIK,
            phone="+6281234567890",
            purpose="Kerja",
            submitted_at=now - timedelta(minutes=i),
            due_on=timezone.localdate(),
        )
        for i in range(1000)
    )
    client = login(alice)
    client.get(dash(dagan, "index"))  # warm the session and the menu
    with django_assert_max_num_queries(12):
        response = client.get(dash(dagan, "index"))
    assert response.content.decode().count('class="queue-item') == 50
    assert "Q000000999" in response.content.decode()  # the oldest first
