"""One line per request on `balai.requests`: id, method, path, status, ms, village; never a query
string, a form field, a NIK or a one-time link. The id is the trusted proxy's or a new one, and
comes back in the X-Request-ID header."""

from __future__ import annotations

import logging
import re

import pytest

from balai.conftest import PASSWORD

NIK = "3303011234567890"
LINE = re.compile(
    r"^request id=(?P<id>\S+) method=(?P<method>[A-Z]+) path=(?P<path>\S+) "
    r"status=(?P<status>\d{3}) ms=(?P<ms>\d+\.\d) village=(?P<village>\S+)$"
)


@pytest.fixture
def lines(caplog):
    caplog.set_level(logging.INFO, logger="balai.requests")

    def read() -> list[re.Match[str]]:
        found = [LINE.match(r.getMessage()) for r in caplog.records if r.name == "balai.requests"]
        assert all(found), [r.getMessage() for r in caplog.records]
        return [m for m in found if m]

    return read


def test_a_village_page_is_one_line_with_status_time_and_village(client, dagan, lines):
    response = client.get("/desa/dagan/")
    assert response.status_code == 200
    [line] = lines()
    assert line["method"] == "GET"
    assert line["path"] == "/desa/dagan/"
    assert line["status"] == "200"
    assert line["village"] == "dagan"
    assert float(line["ms"]) > 0
    assert response["X-Request-ID"] == line["id"]
    assert re.fullmatch(r"[0-9a-f]{32}", line["id"])


def test_the_query_string_of_a_search_is_never_logged(client, dagan, lines, caplog):
    response = client.get(f"/cari/?q={NIK}+Siti+Aminah")
    assert response.status_code == 200
    [line] = lines()
    assert line["path"] == "/cari/"
    assert NIK not in caplog.text and "Aminah" not in caplog.text


def test_a_nik_in_a_path_is_hidden_here_and_in_djangos_not_found_line(client, db, lines, caplog):
    client.get(f"/desa/tidak-ada/{NIK}/")
    [line] = lines()
    assert line["path"] == "/desa/tidak-ada/[nik]/"
    assert line["status"] == "404"
    assert NIK not in caplog.text


def test_a_login_logs_neither_the_password_nor_the_address(client, alice, lines, caplog):
    response = client.post("/masuk/", {"email": alice.email, "password": PASSWORD})
    assert response.status_code == 302
    [line] = lines()
    assert (line["method"], line["path"], line["status"]) == ("POST", "/masuk/", "302")
    assert line["village"] == "-"
    assert PASSWORD not in caplog.text and alice.email not in caplog.text


def test_a_one_time_link_in_the_path_is_redacted(client, db, lines, caplog):
    token = "Ab3dEfGh1JkLmN0pQrStUvWxYz0123456789abcdEFG"
    client.get(f"/undangan/{token}/")
    [line] = lines()
    assert line["path"] == "/undangan/[rahasia]"
    assert token not in caplog.text


def test_the_trusted_proxys_request_id_is_kept(client, db, lines, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    given = "0123456789abcdef0123456789abcdef"
    response = client.get("/", HTTP_X_REQUEST_ID=given, REMOTE_ADDR="127.0.0.1")
    assert response["X-Request-ID"] == given
    assert lines()[-1]["id"] == given


@pytest.mark.parametrize(
    ("remote", "given"),
    [
        ("203.0.113.9", "0123456789abcdef0123456789abcdef"),  # not from our proxy
        ("127.0.0.1", "x y"),  # malformed
        ("127.0.0.1", "a" * 65),  # too long
        ("127.0.0.1", "abc\nrequest id=forged"),  # a second line in the log
    ],
)
def test_an_untrusted_or_malformed_request_id_is_replaced(client, db, lines, remote, given):
    response = client.get("/", HTTP_X_REQUEST_ID=given, REMOTE_ADDR=remote)
    assert response["X-Request-ID"] != given
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert lines()[-1]["id"] == response["X-Request-ID"]


def test_a_record_is_redacted_once_though_logger_and_handler_both_filter(monkeypatch):
    from balai.lib import logs

    calls = []
    real = logs.redact

    def counting(text, *args):
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(logs, "redact", counting)
    logger = logging.getLogger("balai.requests")
    assert any(isinstance(f, logs.RedactPersonalData) for f in logger.filters)
    consoles = [h for h in logging.getLogger().handlers if h.filters]
    assert consoles, "the console handler carries the filter too"
    logger.warning("request id=x method=GET path=/undangan/%s/ status=404", "t" * 45)
    assert len(calls) == 1


def test_a_newline_in_the_path_cannot_forge_a_line(client, db, caplog):
    caplog.set_level(logging.INFO, logger="balai.requests")
    client.get("/desa/x%0Arequest%20id=palsu%20status=200/")
    [record] = [r for r in caplog.records if r.name == "balai.requests"]
    message = record.getMessage()
    assert "\n" not in message and "x\\nrequest id=palsu" in message
