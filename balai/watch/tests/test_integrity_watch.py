"""The integrity watch: gambling spam, failed logins and admins from new addresses reach the
district's alert list and inbox."""

from __future__ import annotations

from django.contrib.auth.signals import user_login_failed
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from balai.villages.models import Page
from balai.watch.integrity import content_suspicious, integrity_watch_run
from balai.watch.models import IntegrityAlert, LoginRecord

LOGIN = reverse("accounts:login")


def test_gambling_words_and_link_bursts_are_suspicious():
    assert content_suspicious("Situs SLOT gacor maxwin hari ini")
    assert content_suspicious(" ".join(f"https://contoh{i}.id" for i in range(6)))
    assert content_suspicious("Kerja bakti membersihkan saluran irigasi Sabtu pagi") == []
    assert content_suspicious("Pemilihan ketua RT di balai desa") == []  # 'slot' only as a word


def test_an_admin_signing_in_from_a_new_address_raises_one_alert(client, alice, dina):
    from balai.conftest import PASSWORD

    client.post(LOGIN, {"email": alice.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    client.logout()
    client.post(LOGIN, {"email": alice.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    client.logout()
    client.post(LOGIN, {"email": alice.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
    assert LoginRecord.objects.filter(new_ip=True).count() == 1
    assert integrity_watch_run() == 1
    assert integrity_watch_run() == 0  # deduplicated
    alert = IntegrityAlert.objects.get()
    assert "203.0.113.9" in alert.message and mail.outbox[-1].to == [dina.email]


def test_many_failed_logins_raise_an_alert(db, dina):
    request = RequestFactory().post(LOGIN, REMOTE_ADDR="10.1.1.1")
    for _ in range(20):
        user_login_failed.send(sender=None, credentials={"email": "x@y.id"}, request=request)
    assert LoginRecord.objects.filter(succeeded=False).exclude(email_hash="x@y.id").count() == 20
    integrity_watch_run()
    assert IntegrityAlert.objects.filter(kind="failed_logins").exists()


def test_new_gambling_content_is_listed_for_the_district(login, dagan, dina):
    Page.objects.create(village=dagan, title="Slot gacor", slug="promo", body="Daftar togel")
    integrity_watch_run()
    page = login(dina).get(reverse("watch_district_dashboard:alerts")).content.decode()
    assert "Konten judi atau spam" in page and "Desa Dagan" in page
