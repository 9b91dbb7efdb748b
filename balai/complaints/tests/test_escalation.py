"""Escalation: a complaint unanswered after the district's number of working days goes, once, to
the kecamatan viewer of its kecamatan and to the district (an e-mail to them, a line in its
history); a viewer of another kecamatan neither hears of it nor can open it; nobody there sees
who sent it, and both may leave a note for the village."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from balai.accounts.models import KecamatanViewer
from balai.complaints.escalation import complaints_escalate
from balai.complaints.models import ComplaintEvent
from balai.complaints.tests.conftest import make_complaint
from balai.conftest import make_user
from balai.scheduler.jobs import job_by_name

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 11, 2)
DUE = date(2026, 11, 9)  # five working days later


@pytest.fixture
def other_viewer(db):
    user = make_user("camat@kec-lain.go.id", "Camat Lain")
    KecamatanViewer.objects.create(user=user, kecamatan_id="33.03.14")  # Bojongsari's
    return user


def test_a_complaint_is_escalated_once_after_n_working_days(dagan, kiki, dina, other_viewer):
    complaint = make_complaint(dagan, received_on=MONDAY)
    assert complaints_escalate(on=date(2026, 11, 6)) == []
    assert complaints_escalate(on=DUE) == [complaint]
    complaint.refresh_from_db()
    assert complaint.is_escalated
    assert complaint.events.filter(kind=ComplaintEvent.Kind.ESCALATED).count() == 1
    assert {m.to[0] for m in mail.outbox} == {kiki.email, dina.email}
    for message in mail.outbox:
        assert complaint.number in message.body and "Sri Wahyuni" not in message.body
        assert "+6281234567890" not in message.body
    assert complaints_escalate(on=date(2026, 11, 20)) == []
    assert len(mail.outbox) == 2


def test_answered_and_held_complaints_are_not_escalated(dagan, alice):
    from balai.complaints import services

    answered = make_complaint(dagan, received_on=MONDAY)
    services.complaint_answer(
        complaint=answered, reply="Ok", public_summary="", public_reply="", actor=alice
    )
    make_complaint(dagan, received_on=MONDAY, text="slot gacor daftar sekarang")
    assert complaints_escalate(on=DUE) == []


def test_the_scheduler_runs_it_every_hour(dagan):
    complaint = make_complaint(dagan, received_on=MONDAY)
    job = job_by_name("complaints_escalate")
    assert job.period_label == "tiap jam"
    job.run()
    complaint.refresh_from_db()
    assert complaint.is_escalated


def test_the_command_says_how_many(dagan, capsys):
    make_complaint(dagan, received_on=MONDAY)
    call_command("complaints_escalate")
    assert "1 pengaduan diteruskan" in capsys.readouterr().out


def test_the_kecamatan_viewer_reads_it_without_identity_and_leaves_a_note(login, dagan, kiki):
    complaint = make_complaint(dagan, received_on=MONDAY)
    complaints_escalate(on=DUE)
    client = login(kiki)
    listing = client.get("/dasbor/kabupaten/pengaduan/").content.decode()
    assert complaint.number in listing
    page = client.get(f"/dasbor/kabupaten/pengaduan/{complaint.pk}/")
    html = page.content.decode()
    assert page.status_code == 200 and "Lampu jalan di RT 02" in html
    assert "Sri Wahyuni" not in html and "+6281234567890" not in html
    assert "no-store" in page["Cache-Control"]
    client.post(f"/dasbor/kabupaten/pengaduan/{complaint.pk}/", {"text": "Mohon ditindaklanjuti."})
    note = complaint.events.get(kind=ComplaintEvent.Kind.INSTRUCTION)
    assert note.actor == kiki and note.text == "Mohon ditindaklanjuti."


def test_a_viewer_of_another_kecamatan_cannot_open_it(login, dagan, other_viewer):
    complaint = make_complaint(dagan, received_on=MONDAY)
    complaints_escalate(on=DUE)
    client = login(other_viewer)
    assert complaint.number not in client.get("/dasbor/kabupaten/pengaduan/").content.decode()
    assert client.get(f"/dasbor/kabupaten/pengaduan/{complaint.pk}/").status_code == 404
    response = client.post(f"/dasbor/kabupaten/pengaduan/{complaint.pk}/", {"text": "x"})
    assert response.status_code == 404
    assert not complaint.events.filter(kind=ComplaintEvent.Kind.INSTRUCTION).exists()


def test_a_complaint_not_yet_escalated_stays_with_the_village(login, dagan, kiki, dina):
    complaint = make_complaint(dagan)
    for person in (kiki, dina):
        assert login(person).get(f"/dasbor/kabupaten/pengaduan/{complaint.pk}/").status_code == 404


def test_the_escalation_shows_in_the_villages_history(login, dagan, alice, kiki):
    complaint = make_complaint(dagan, received_on=MONDAY)
    complaints_escalate(on=DUE)
    login(kiki).post(f"/dasbor/kabupaten/pengaduan/{complaint.pk}/", {"text": "Segera dijawab."})
    html = login(alice).get(f"/dasbor/dagan/pengaduan/{complaint.pk}/").content.decode()
    assert "Diteruskan ke kecamatan dan kabupaten" in html and "Segera dijawab." in html


def test_village_people_cannot_open_the_district_pages(login, dagan, alice):
    assert login(alice).get("/dasbor/kabupaten/pengaduan/").status_code == 404


def test_a_refused_email_does_not_stop_the_others(dagan, kiki, dina, monkeypatch):
    import smtplib

    from balai.complaints import escalation

    sent = []

    def send(subject, body, sender, to):
        if to == [dina.email]:
            raise smtplib.SMTPRecipientsRefused({})
        sent.extend(to)

    monkeypatch.setattr(escalation, "send_mail", send)
    complaint = make_complaint(dagan, received_on=MONDAY)
    assert complaints_escalate(on=DUE) == [complaint]
    assert sent == [kiki.email]
