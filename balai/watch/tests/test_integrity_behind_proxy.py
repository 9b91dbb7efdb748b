"""Behind the documented nginx proxy every request arrives from 127.0.0.1: the integrity watch
reads the client's own address from X-Forwarded-For (balai.lib.net.client_ip), so an admin's
new address is still noticed and a failed-login flood is counted by real clients."""

from __future__ import annotations

from django.contrib.auth.signals import user_login_failed
from django.test import RequestFactory, override_settings
from django.urls import reverse

from balai.conftest import PASSWORD
from balai.watch.integrity import integrity_watch_run
from balai.watch.models import IntegrityAlert, LoginRecord

LOGIN = reverse("accounts:login")
PROXY = "127.0.0.1"


def _sign_in(client, user, forwarded: str) -> None:
    response = client.post(
        LOGIN,
        {"email": user.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 302
    client.logout()


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_an_admin_from_a_new_address_behind_the_proxy_raises_an_alert(client, alice, dina):
    _sign_in(client, alice, "198.51.100.7")
    _sign_in(client, alice, "198.51.100.7")
    # A left-most address is whatever the client wrote; nginx appended the real one.
    _sign_in(client, alice, "198.51.100.7, 203.0.113.9")
    assert list(LoginRecord.objects.order_by("pk").values_list("ip", flat=True)) == [
        "198.51.100.7",
        "198.51.100.7",
        "203.0.113.9",
    ]
    assert integrity_watch_run() == 1
    alert = IntegrityAlert.objects.get(kind=IntegrityAlert.Kind.NEW_IP)
    assert "203.0.113.9" in alert.message and PROXY not in alert.message


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_a_failed_login_flood_names_how_many_real_clients_and_the_busiest(db, dina):
    factory = RequestFactory()
    clients = ["192.0.2.50"] * 17 + ["198.51.100.1", "198.51.100.2", "198.51.100.3"]
    for address in clients:
        request = factory.post(LOGIN, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)
        user_login_failed.send(sender=None, credentials={"email": "x@y.id"}, request=request)
    integrity_watch_run()
    alert = IntegrityAlert.objects.get(kind=IntegrityAlert.Kind.FAILED_LOGINS)
    assert "20 percobaan masuk gagal" in alert.message
    assert "dari 4 alamat IP" in alert.message and "terbanyak 17 dari 192.0.2.50" in alert.message
