from __future__ import annotations

from django.core import mail

from balai.audit.models import AuditEntry
from balai.registrations.models import Application


def test_the_district_rejects_with_a_reason_the_applicant_reads(client, login, dina, application):
    mail.outbox.clear()
    response = login(dina).post(
        f"/dasbor/kabupaten/pendaftaran/{application.pk}/tolak/",
        {"reason": "Pemohon bukan perangkat desa."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert "Pemohon bukan perangkat desa." in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="application.reject", actor=dina).exists()
    client.logout()
    page = client.get(f"/daftar/status/{application.code}/").content.decode()
    assert "Ditolak" in page
    assert "Pemohon bukan perangkat desa." in page


def test_a_rejection_without_a_reason_is_refused(login, dina, application):
    response = login(dina).post(
        f"/dasbor/kabupaten/pendaftaran/{application.pk}/tolak/", {"reason": ""}
    )
    assert response.status_code == 400
    assert "Tulis alasan penolakan untuk pemohon." in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_a_decided_application_cannot_be_decided_again(login, dina, application):
    client = login(dina)
    url = f"/dasbor/kabupaten/pendaftaran/{application.pk}/"
    client.post(url + "tolak/", {"reason": "Bukan perangkat desa."})
    response = client.post(url + "setujui/")
    assert response.status_code == 400
    assert "Hanya permohonan yang menunggu tinjauan" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
