"""No e-mail address or one-time link reaches the console or the logs at the default level:
e-mails go to a file outbox when there is no mail server, and the request loggers redact."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from balai import settings as base_settings
from balai.accounts.services import invitation_create
from balai.lib.logs import redact

TOKEN_IN_LINK = re.compile(r"/(?:undangan|masuk/sandi-baru)/[^\s\"']+")


@pytest.fixture
def default_outbox(settings, tmp_path):
    """The e-mail settings a fresh install gets (no EMAIL_HOST), with var/ in a temp folder."""
    settings.EMAIL_BACKEND = base_settings.EMAIL_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path / "outbox"
    return tmp_path / "outbox"


@pytest.fixture
def logs(caplog):
    """Everything logged at INFO and above, including django.server (which does not propagate)."""
    server = logging.getLogger("django.server")
    server.addHandler(caplog.handler)
    caplog.set_level(logging.INFO)
    yield caplog
    server.removeHandler(caplog.handler)


def everything_printed(logs, capsys) -> str:
    out = capsys.readouterr()
    records = "\n".join(r.getMessage() for r in logs.records)
    return "\n".join([out.out, out.err, records, logs.text])


def outbox_text(outbox) -> str:
    return "\n".join(p.read_text() for p in outbox.iterdir())


def test_without_a_mail_server_emails_are_files_in_var_outbox():
    assert base_settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert base_settings.EMAIL_FILE_PATH == base_settings.VAR_DIR / "outbox"


def test_a_password_reset_leaves_no_address_or_link_in_the_logs(
    client, alice, default_outbox, logs, capsys
):
    response = client.post("/masuk/lupa-sandi/", {"email": alice.email})
    assert response.status_code == 302
    printed = everything_printed(logs, capsys)
    assert alice.email not in printed
    assert not TOKEN_IN_LINK.search(printed)
    sent = outbox_text(default_outbox)  # the link is in the outbox, for the demo
    assert alice.email in sent and "/masuk/sandi-baru/" in sent


def test_an_invitation_leaves_no_address_or_link_in_the_logs(
    login, alice, dagan, default_outbox, logs, capsys
):
    client = login(alice)
    response = client.post(
        "/dasbor/dagan/anggota/undang/",
        {"email": "sari@dagan.desa.id", "name": "Sari", "role": "editor"},
    )
    assert response.status_code == 200 and "/undangan/" in response.content.decode()
    printed = everything_printed(logs, capsys)
    assert "sari@dagan.desa.id" not in printed
    assert "/undangan/" not in printed
    assert "/undangan/" in outbox_text(default_outbox)


def test_a_gone_invitation_link_is_logged_without_its_token(client, dagan, logs, capsys):
    invitation, token = invitation_create(village=dagan, email="sari@dagan.desa.id", role="editor")
    invitation.expires_at = timezone.now() - timedelta(days=1)
    invitation.save()
    assert client.get(f"/undangan/{token}/").status_code == 410
    assert client.get(f"/undangan/{token}x/").status_code == 404
    printed = everything_printed(logs, capsys)
    assert "Gone: /undangan/[rahasia]" in printed  # still says what happened
    assert token not in printed


def test_the_development_server_request_line_is_logged_without_a_reset_token(logs, capsys):
    # What runserver's request handler logs for every request.
    logging.getLogger("django.server").info(
        '"%s" %s %s',
        "GET /masuk/sandi-baru/MQ/cz7hbk-0123456789abcdef0123456789abcdef/ HTTP/1.1",
        "200",
        "4512",
    )
    printed = everything_printed(logs, capsys)
    assert "GET /masuk/sandi-baru/[rahasia] HTTP/1.1" in printed
    assert "0123456789abcdef" not in printed


def test_an_error_quoting_an_address_is_redacted_in_the_log(logs, capsys):
    try:
        raise ValueError("tidak terkirim ke alice@dagan.desa.id")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /masuk/")
    printed = everything_printed(logs, capsys)
    assert "alice@dagan.desa.id" not in printed
    assert "[email]" in printed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not Found: /undangan/abcDEF123_-xyz/", "Not Found: /undangan/[rahasia]"),
        ("kirim ke Alice.R+desa@Dagan.desa.id", "kirim ke [email]"),
        ("?email=alice%40dagan.desa.id&x=1", "?email=[email]&x=1"),
        ("GET /daftar/status/ZZYXH2DQH5/ HTTP/1.1", "GET /daftar/status/[rahasia] HTTP/1.1"),
        # A PPID request's tracking link and a shop order's code are as good as a password.
        (
            "Not Found: /desa/dagan/ppid/permohonan/lacak/k3yTok3n/",
            "Not Found: /desa/dagan/ppid/permohonan/lacak/[rahasia]",
        ),
        ("GET /lapak/lacak/LPK-7Q2M4X/ HTTP/1.1", "GET /lapak/lacak/[rahasia] HTTP/1.1"),
        ("GET /lapak/pesanan/LPK-7Q2M4X/ HTTP/1.1", "GET /lapak/pesanan/[rahasia] HTTP/1.1"),
        ("GET /lapak/lacak/ HTTP/1.1", None),
        (
            "token Xq3vN8pLr2TzW6yHb0cKd5fGj9sMa1uE7aB4cD6eF8gH0iJ di teks",
            "token [rahasia] di teks",
        ),
        ("reset cz7hbk-0123456789abcdef0123456789abcdef", "reset [rahasia]"),
        # What is not secret stays readable.
        ("GET /desa/dagan/berita/panen-raya-2026-di-desa-dagan/ 200", None),
        ("Task id=X9bgcIDgWy1bckrWTbVM9ITzuSZlydia path=balai.x state=RUNNING", None),
    ],
)
def test_redact(text, expected):
    assert redact(text) == (expected if expected is not None else text)
