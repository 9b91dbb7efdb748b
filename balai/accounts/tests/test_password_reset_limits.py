"""Password reset requests are limited per address and per visitor, and the page does the same
work whether or not the address has an account (the e-mail is sent by the worker)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks.signals import task_enqueued

RESET = "/masuk/lupa-sandi/"
PROXY = "127.0.0.1"


def ask(client, email: str, visitor: str = "203.0.113.5"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor)


def test_thirty_requests_for_one_address_send_at_most_three_emails(client, alice):
    answers = [ask(client, alice.email, visitor=f"203.0.113.{n}") for n in range(30)]
    assert len(mail.outbox) == 3
    # Every answer is the same "if the address has an account, we sent a link" page.
    assert {a.status_code for a in answers} == {302}
    assert {a["Location"] for a in answers} == {"/masuk/lupa-sandi/terkirim/"}


def test_one_visitor_asking_for_many_addresses_is_stopped_after_ten(client, alice, bob):
    for n in range(10):
        ask(client, f"orang{n}@contoh.id")
    refused = ask(client, alice.email)
    assert refused.status_code == 429
    assert "Coba lagi dalam 60 menit" in refused.content.decode()
    assert mail.outbox == []
    # Another visitor behind the same proxy is not affected.
    assert ask(client, bob.email, visitor="198.51.100.7").status_code == 302
    assert [m.to for m in mail.outbox] == [[bob.email]]


def test_the_limit_counts_unknown_addresses_too_so_it_reveals_nothing(client, alice):
    for _ in range(3):
        ask(client, "siapa@contoh.id")
    known = ask(client, alice.email)
    unknown = ask(client, "siapa@contoh.id")
    assert known.status_code == unknown.status_code == 302


@pytest.fixture
def queued_tasks(settings):
    """The worker's queue, without running it: what the request itself does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queued = []

    def record(sender, task_result, **kwargs):
        queued.append(task_result)

    task_enqueued.connect(record)
    yield queued
    task_enqueued.disconnect(record)


def test_a_known_and_an_unknown_address_do_the_same_work_in_the_request(
    client, alice, queued_tasks
):
    ask(client, "pemanasan@contoh.id", visitor="198.51.100.1")  # sessions, first queries
    queued_tasks.clear()
    with CaptureQueriesContext(connection) as known_queries:
        known = ask(client, alice.email)
    with CaptureQueriesContext(connection) as unknown_queries:
        unknown = ask(client, "siapa@contoh.id")
    assert known.status_code == unknown.status_code == 302
    assert len(known_queries) == len(unknown_queries)
    assert mail.outbox == []  # nothing is sent while the visitor waits
    paths = [r.task.module_path for r in queued_tasks]
    assert paths == ["balai.accounts.tasks.password_reset_email_send"] * 2
    assert queued_tasks[0].kwargs == {"user_id": alice.pk}
    assert queued_tasks[1].kwargs == {"user_id": None}


def test_the_task_sends_to_a_known_account_and_does_nothing_for_an_unknown_one(alice):
    from balai.accounts.tasks import password_reset_email_send

    assert password_reset_email_send.call(user_id=None) is False
    assert mail.outbox == []
    assert password_reset_email_send.call(user_id=alice.pk) is True
    assert mail.outbox[0].to == [alice.email]
    assert "/masuk/sandi-baru/" in mail.outbox[0].body
