from __future__ import annotations

from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.villages.models import Village


def post_status(client, status, reason=""):
    url = reverse("district:village_status", args=["dagan"])
    return client.post(url, {"status": status, "reason": reason})


def test_district_admin_suspends_a_site_with_a_reason(login, dina, dagan):
    version = dagan.content_version
    response = post_status(login(dina), "suspended", "Konten perlu diperiksa")
    assert response.status_code == 302
    dagan.refresh_from_db()
    assert dagan.status == Village.Status.SUSPENDED
    assert dagan.suspended_reason == "Konten perlu diperiksa"
    assert dagan.content_version == version + 1
    entry = AuditEntry.objects.get(action="village.status")
    assert entry.actor == dina and entry.village == dagan
    assert entry.details["reason"] == "Konten perlu diperiksa"


def test_suspending_without_a_reason_is_refused_in_indonesian(login, dina, dagan):
    response = post_status(login(dina), "suspended", "   ")
    assert response.status_code == 400
    assert "Tulis alasan penangguhan." in response.content.decode()
    dagan.refresh_from_db()
    assert dagan.status == Village.Status.LIVE
    assert not AuditEntry.objects.exists()


def test_unsuspending_clears_the_reason_and_is_logged(login, dina, dagan):
    dagan.status, dagan.suspended_reason = Village.Status.SUSPENDED, "Uji"
    dagan.save()
    assert post_status(login(dina), "live").status_code == 302
    dagan.refresh_from_db()
    assert dagan.status == Village.Status.LIVE and dagan.suspended_reason == ""
    assert AuditEntry.objects.get(action="village.status").details["previous"] == "suspended"


def test_suspended_site_shows_a_notice_to_visitors(login, dina, dagan, client):
    post_status(login(dina), "suspended", "Sedang diperbaiki")
    client.logout()
    response = client.get(dagan.get_absolute_url())
    assert response.status_code == 503


def test_a_draft_going_live_gets_its_live_date(login, dina, dagan):
    Village.objects.filter(pk=dagan.pk).update(status=Village.Status.DRAFT, went_live_at=None)
    post_status(login(dina), "live")
    dagan.refresh_from_db()
    assert dagan.went_live_at is not None


def test_an_unknown_status_is_refused(login, dina, dagan):
    assert post_status(login(dina), "deleted").status_code == 400
    dagan.refresh_from_db()
    assert dagan.status == Village.Status.LIVE


def test_saving_the_same_status_changes_nothing(login, dina, dagan):
    version = dagan.content_version
    assert post_status(login(dina), "live").status_code == 302
    dagan.refresh_from_db()
    assert dagan.content_version == version and not AuditEntry.objects.exists()
