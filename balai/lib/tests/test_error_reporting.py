"""Error reports (SENTRY_DSN) carry the bug, not the people: no form data, query string, cookie,
header, e-mail, IP address or local variable; messages redacted like the logs."""

from __future__ import annotations

import copy
import json

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import override_settings
from django.urls import path

from balai import urls as balai_urls
from balai.lib.errors import scrub_event

NIK = "3303011234567890"
EMAIL = "siti@dagan.desa.id"


def sentry_like_event() -> dict:
    return {
        "message": f"gagal untuk {EMAIL}",
        "logentry": {
            "message": "NIK %s ditolak",
            "params": [NIK],
            "formatted": f"NIK {NIK} ditolak",
        },
        "request": {
            "method": "POST",
            "url": f"https://desa.example.go.id/cari/?q={NIK}",
            "query_string": f"q={NIK}",
            "data": {"password": "rahasia-desa-2026", "nik": NIK},
            "cookies": {"sessionid": "abc"},
            "headers": {"Cookie": "sessionid=abc", "X-Forwarded-For": "203.0.113.7"},
            "env": {"REMOTE_ADDR": "203.0.113.7"},
        },
        "user": {"id": 7, "email": EMAIL, "username": EMAIL, "ip_address": "203.0.113.7"},
        "extra": {"row": {"nik": NIK}},
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": f"baris 3: NIK {NIK} milik {EMAIL}",
                    "stacktrace": {"frames": [{"function": "f", "vars": {"nik": NIK}}]},
                }
            ]
        },
        "breadcrumbs": {
            "values": [
                {"message": f"SELECT … WHERE nik = '{NIK}'", "category": "query"},
                {
                    "category": "httplib",
                    "data": {"url": f"https://x.test/a?nik={NIK}", "http.query": f"nik={NIK}"},
                },
            ]
        },
    }


def test_scrub_keeps_the_bug_and_drops_the_people():
    event = scrub_event(sentry_like_event(), {})
    text = json.dumps(event)
    for secret in (NIK, EMAIL, "rahasia-desa-2026", "sessionid", "203.0.113.7", "q="):
        assert secret not in text, secret
    assert event["request"] == {"method": "POST", "url": "https://desa.example.go.id/cari/"}
    assert event["user"] == {"id": 7}
    assert event["exception"]["values"][0]["type"] == "ValueError"
    assert event["exception"]["values"][0]["value"] == "baris 3: NIK [nik] milik [email]"
    assert "extra" not in event


def test_scrub_leaves_an_event_without_personal_fields_alone():
    event = {"message": "worker stopped", "level": "error", "tags": {"request_id": "abc"}}
    assert scrub_event(copy.deepcopy(event), {}) == event


def boom(request: HttpRequest) -> HttpResponse:
    nik = request.GET.get("q", "")  # a local variable holding a NIK
    raise ValueError(f"cannot find {nik}")


urlpatterns = [path("boom/", boom), *balai_urls.urlpatterns]


@override_settings(ROOT_URLCONF=__name__, SENTRY_DSN="https://key@sentry.example/1")
def test_a_real_sdk_event_from_a_failing_view_is_scrubbed(client, db):
    sentry_sdk = pytest.importorskip("sentry_sdk")
    from sentry_sdk.transport import Transport

    from balai.lib.errors import init_error_reporting

    sent: list[dict] = []

    class Capture(Transport):
        def capture_envelope(self, envelope):
            event = envelope.get_event()
            if event is not None:
                sent.append(event)

    init_error_reporting("https://key@sentry.example/1", environment="test")
    sentry_sdk.get_client().transport = Capture()
    try:
        client.raise_request_exception = False
        response = client.post(
            f"/boom/?q={NIK}", {"password": "rahasia-desa-2026"}, HTTP_COOKIE="sessionid=abc"
        )
        assert response.status_code == 500
        sentry_sdk.flush()
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)
    assert sent, "the SDK sent no event"
    text = json.dumps(sent)
    assert "ValueError" in text
    for secret in (NIK, "rahasia-desa-2026", "sessionid=abc"):
        assert secret not in text, secret
    # The test client's request is not attached by the SDK (a WSGI server's is, and scrubbed
    # above); whatever request data is there keeps no query string.
    assert set(sent[0].get("request", {})) <= {"method", "url"}
    frames = sent[0]["exception"]["values"][0]["stacktrace"]["frames"]
    assert not any("vars" in frame for frame in frames)
    assert sent[0]["tags"]["request_id"] == response["X-Request-ID"]
