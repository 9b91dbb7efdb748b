from __future__ import annotations

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.audit.models import AuditEntry
from balai.registrations.models import Application, ApplicationEvent
from balai.registrations.tests.conftest import png_bytes


def _ask_revision(login, dina, application, message="Surat belum ditandatangani."):
    client = login(dina)
    return client.post(
        f"/dasbor/kabupaten/pendaftaran/{application.pk}/perbaikan/", {"message": message}
    )


def _revise_data(**changes):
    data = {
        "applicant_name": "Slamet Riyadi",
        "applicant_position": "kepala_desa",
        "whatsapp": "",
        "email": "",
        "wanted_slug": "bokol",
        "existing_domain": "",
    }
    data.update(changes)
    return data


def test_the_district_asks_for_a_revision_with_a_message(login, dina, application):
    mail.outbox.clear()
    response = _ask_revision(login, dina, application)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.REVISION
    event = application.events.last()
    assert event.kind == ApplicationEvent.Kind.REVISION_REQUESTED
    assert event.actor == dina
    assert mail.outbox[0].to == ["slamet@example.com"]
    assert "Surat belum ditandatangani." in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="application.revision").exists()


def test_a_revision_request_without_a_message_is_refused(login, dina, application):
    response = _ask_revision(login, dina, application, message="  ")
    assert response.status_code == 400
    assert "Tulis apa yang perlu diperbaiki pemohon." in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_the_applicant_edits_and_resubmits(client, login, dina, application):
    _ask_revision(login, dina, application)
    client.logout()
    mail.outbox.clear()
    url = f"/daftar/status/{application.code}/perbaiki/"
    page = client.get(url).content.decode()
    assert "Surat belum ditandatangani." in page
    assert "slamet@example.com" not in page  # contact details are masked, not shown back
    data = _revise_data(
        applicant_name="Slamet R.",
        email="slamet.baru@example.com",
        letter=SimpleUploadedFile("ttd.jpg", png_bytes(), "image/jpeg"),
    )
    response = client.post(url, data)
    assert response.url == f"/daftar/status/{application.code}/"
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.applicant_name == "Slamet R."
    assert application.email == "slamet.baru@example.com"
    assert application.whatsapp == "+6281234567890"  # left empty: kept
    assert application.letter_content_type == "image/png"
    assert application.events.last().kind == ApplicationEvent.Kind.RESUBMITTED
    recipients = [m.to for m in mail.outbox]
    assert ["slamet.baru@example.com"] in recipients
    assert [dina.email] in recipients  # district admins are told to look again


def test_a_resubmission_with_bad_input_changes_nothing(client, login, dina, application):
    _ask_revision(login, dina, application)
    client.logout()
    url = f"/daftar/status/{application.code}/perbaiki/"
    response = client.post(url, _revise_data(whatsapp="123", wanted_slug="dasbor"))
    page = response.content.decode()
    assert "Tulis nomor WhatsApp seperti 0812 3456 7890" in page
    assert "dipakai oleh sistem" in page
    application.refresh_from_db()
    assert application.status == Application.Status.REVISION


def test_the_revision_form_is_closed_unless_a_revision_was_asked(client, application):
    response = client.get(f"/daftar/status/{application.code}/perbaiki/")
    assert response.url == f"/daftar/status/{application.code}/"
