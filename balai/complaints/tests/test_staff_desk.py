"""The village's desk: states received → in progress → answered → closed; only the village's
admins see who sent a complaint, and each look is in the audit log; editors and the district
handle the text without it; a public reply goes on the site without identity, a private one
does not."""

from __future__ import annotations

import pytest

from balai.audit.models import AuditEntry
from balai.complaints import services
from balai.complaints.models import Complaint
from balai.complaints.tests.conftest import make_complaint

pytestmark = pytest.mark.django_db


def url(complaint: Complaint, step: str = "") -> str:
    return f"/dasbor/dagan/pengaduan/{complaint.pk}/{step}"


def test_a_complaint_goes_through_every_state(login, dagan, alice):
    complaint = make_complaint(dagan)
    client = login(alice)
    client.post(url(complaint, "status/"), {"status": "in_progress"})
    complaint.refresh_from_db()
    assert complaint.status == "in_progress"
    client.post(url(complaint, "jawab/"), {"reply": "Sudah diperbaiki.", "public_summary": ""})
    complaint.refresh_from_db()
    assert complaint.status == "answered" and complaint.answered_on == services.today()
    assert complaint.response_days == 0
    client.post(url(complaint, "status/"), {"status": "closed"})
    complaint.refresh_from_db()
    assert complaint.status == "closed" and complaint.closed_on == services.today()
    kinds = list(complaint.events.values_list("kind", flat=True))
    assert kinds == ["received", "status", "reply", "status"]


def test_a_step_that_is_not_allowed_changes_nothing(login, dagan, alice):
    complaint = make_complaint(dagan)
    response = login(alice).post(url(complaint, "status/"), {"status": "answered"})
    assert response.status_code == 400
    complaint.refresh_from_db()
    assert complaint.status == "received" and complaint.events.count() == 1


def test_an_answer_needs_a_text_and_a_public_reply_needs_a_summary(login, dagan, alice):
    complaint = make_complaint(dagan)
    client = login(alice)
    empty = client.post(url(complaint, "jawab/"), {"reply": "", "public_reply": ""})
    assert "Tulis jawaban untuk pelapor" in empty.content.decode()
    bare = client.post(
        url(complaint, "jawab/"), {"public_reply": "Diperbaiki", "public_summary": ""}
    )
    assert "Tulis ringkasan pengaduan" in bare.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "received" and not complaint.public_reply


def test_only_the_villages_admin_sees_the_identity_and_each_look_is_logged(
    login, dagan, alice, bob, dina
):
    complaint = make_complaint(dagan)
    html = login(alice).get(url(complaint)).content.decode()
    assert "Sri Wahyuni" in html and "+6281234567890" in html
    entry = AuditEntry.objects.get(action="complaints.identity_view")
    assert entry.actor == alice and entry.target == complaint.number and entry.village == dagan
    for person in (bob, dina):
        html = login(person).get(url(complaint)).content.decode()
        assert "Sri Wahyuni" not in html and "+6281234567890" not in html
        assert "Lampu jalan di RT 02" in html
    assert AuditEntry.objects.filter(action="complaints.identity_view").count() == 1


def test_an_anonymous_complaint_logs_no_look(login, dagan, alice):
    complaint = make_complaint(dagan, anonymous=True)
    assert "Tanpa nama" in login(alice).get(url(complaint)).content.decode()
    assert not AuditEntry.objects.filter(action="complaints.identity_view").exists()


def test_a_mentor_cannot_open_the_desk(login, dagan, maya):
    complaint = make_complaint(dagan)
    assert login(maya).get(url(complaint)).status_code == 404


def test_a_public_reply_is_listed_on_the_site_without_identity(client, login, dagan, alice):
    public = make_complaint(dagan, text="Sampah di sungai RT 04, kata Bu Sri Wahyuni.")
    private = make_complaint(dagan, text="Tetangga saya berisik.")
    services.complaint_answer(
        complaint=public,
        reply="Terima kasih, Bu.",
        public_summary="Sampah menumpuk di sungai RT 04.",
        public_reply="Kerja bakti Minggu ini.",
        actor=alice,
    )
    services.complaint_answer(
        complaint=private, reply="Kami tegur.", public_summary="", public_reply="", actor=alice
    )
    html = client.get("/desa/dagan/pengaduan/").content.decode()
    assert "Sampah menumpuk di sungai RT 04." in html and "Kerja bakti Minggu ini." in html
    for hidden in ("Sri Wahyuni", "+6281234567890", "kata Bu", "Terima kasih, Bu", "berisik"):
        assert hidden not in html
    assert private.number not in html


def test_the_public_list_can_be_turned_off_by_the_admin(client, login, dagan, alice, bob):
    complaint = make_complaint(dagan)
    services.complaint_answer(
        complaint=complaint, reply="", public_summary="Lampu", public_reply="Diganti.", actor=alice
    )
    assert login(bob).post("/dasbor/dagan/pengaduan/pengaturan/", {}).status_code == 404
    login(alice).post("/dasbor/dagan/pengaduan/pengaturan/", {})
    client.logout()
    html = client.get("/desa/dagan/pengaduan/").content.decode()
    assert "Diganti." not in html and "Kirim pengaduan" in html


def test_the_public_list_is_cacheable(client, dagan):
    response = client.get("/desa/dagan/pengaduan/")
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")


def test_a_held_complaint_is_released_into_the_queue(login, dagan, alice):
    complaint = make_complaint(dagan, text="Ada judi di pos ronda tiap malam")
    assert complaint.suspicious
    client = login(alice)
    assert (
        complaint.number
        not in client.get("/dasbor/dagan/pengaduan/").content.decode().split("Diduga spam")[0]
    )
    client.post(url(complaint, "bukan-spam/"))
    complaint.refresh_from_db()
    assert not complaint.suspicious
    assert complaint.number in client.get("/dasbor/dagan/pengaduan/").content.decode()


def test_the_photo_is_served_to_staff_only_and_never_stored(login, client, dagan, alice):
    complaint = make_complaint(dagan, photo=True)
    response = login(alice).get(url(complaint, "foto/"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    client.logout()
    assert client.get(url(complaint, "foto/")).status_code == 302


def test_the_answer_reaches_the_complainant_by_email_with_the_tracking_link(
    client, login, dagan, alice, bob, django_capture_on_commit_callbacks
):
    from django.core import mail

    complaint = make_complaint(dagan, email="sri@contoh.id")
    with django_capture_on_commit_callbacks(execute=True):
        login(alice).post(url(complaint, "jawab/"), {"reply": "Sudah kami perbaiki."})
    (message,) = mail.outbox
    assert message.to == ["sri@contoh.id"] and complaint.number in message.subject
    link = next(line for line in message.body.splitlines() if "/pengaduan/lacak/" in line)
    client.logout()
    assert "Sudah kami perbaiki." in client.get(link.split("testserver")[-1]).content.decode()


def test_the_whatsapp_note_is_offered_to_the_admin_only(login, dagan, alice, bob):
    complaint = make_complaint(dagan)
    services.complaint_answer(
        complaint=complaint, reply="Sudah.", public_summary="", public_reply="", actor=alice
    )
    assert "wa.me/6281234567890" in login(alice).get(url(complaint)).content.decode()
    assert "wa.me" not in login(bob).get(url(complaint)).content.decode()
