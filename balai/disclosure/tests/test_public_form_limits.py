"""The PPID tracking lookup, the request form and the objection form are rate-limited by the
visitor's own address behind the proxy: nobody may try contact after contact to learn who stands
behind a request number (neither one visitor, nor many visitors on one number), and one
visitor's flood does not close the forms for the rest of the district."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from balai.disclosure.models import InfoRequest, Objection
from balai.disclosure.tests.conftest import make_request, request_data

pytestmark = pytest.mark.django_db
LOOKUP = "/desa/dagan/ppid/permohonan/lacak/"
REQUEST = "/desa/dagan/ppid/permohonan/"


def _from(address: str) -> dict[str, str]:
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": address}


@pytest.fixture
def info(dagan) -> InfoRequest:
    return make_request(dagan)


def test_one_visitor_guessing_contacts_is_refused_after_ten_tries(client, info):
    for i in range(10):
        guess = client.post(LOOKUP, {"number": info.number, "code": f"orang{i}@lain.id"})
        assert guess.status_code == 200
    refused = client.post(LOOKUP, {"number": info.number, "code": "wartini@contoh.id"})
    assert refused.status_code == 429
    assert "Terlalu banyak percobaan" in refused.content.decode()


def test_many_visitors_cannot_guess_the_contact_behind_one_number(client, info):
    for i in range(10):
        client.post(
            LOOKUP, {"number": info.number, "code": f"orang{i}@lain.id"}, **_from(f"203.0.113.{i}")
        )
    refused = client.post(
        LOOKUP, {"number": info.number, "code": "wartini@contoh.id"}, **_from("198.51.100.1")
    )
    assert refused.status_code == 429


def test_one_visitors_guessing_does_not_limit_another_visitor(client, dagan, info):
    for i in range(11):
        client.post(
            LOOKUP, {"number": f"PPID-2026-{i + 50:04d}", "code": "x@y.id"}, **_from("203.0.113.5")
        )
    found = client.post(
        LOOKUP, {"number": info.number, "code": "wartini@contoh.id"}, **_from("198.51.100.7")
    )
    assert found.status_code == 302 and found["Location"].endswith(f"/lacak/{info.token}/")


def test_a_request_flood_is_refused_without_closing_the_form_for_others(client, dagan):
    for _i in range(10):
        assert client.post(REQUEST, request_data(), **_from("203.0.113.5")).status_code == 302
    refused = client.post(REQUEST, request_data(), **_from("203.0.113.5"))
    assert refused.status_code == 429 and "Terlalu banyak percobaan" in refused.content.decode()
    assert InfoRequest.objects.count() == 10
    assert client.post(REQUEST, request_data(), **_from("198.51.100.7")).status_code == 302


def test_an_objection_flood_is_refused(client, dagan):
    past_due = timezone.localdate() - timedelta(days=21)  # unanswered after 10 working days
    infos = [make_request(dagan, received_on=past_due) for _i in range(6)]
    for info in infos[:5]:
        url = f"/desa/dagan/ppid/permohonan/lacak/{info.token}/keberatan/"
        sent = client.post(
            url, {"grounds": ["c"], "statement": "Belum dijawab."}, **_from("203.0.113.5")
        )
        assert sent.status_code == 302
    url = f"/desa/dagan/ppid/permohonan/lacak/{infos[5].token}/keberatan/"
    data = {"grounds": ["c"], "statement": "Belum dijawab."}
    assert client.post(url, data, **_from("203.0.113.5")).status_code == 429
    assert client.post(url, data, **_from("198.51.100.7")).status_code == 302
    assert Objection.objects.count() == 6
