"""Two letters issued at the same moment never share a number, on SQLite (the write lock of
its IMMEDIATE transactions) and on PostgreSQL (the counter row's lock)."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from unittest import mock

import pytest
from django.db import connection, connections

from balai.letters import pdf
from balai.letters.models import Letter
from balai.letters.services import issue_letter


@contextlib.contextmanager
def threads_share_a_real_database(tmp_path) -> Iterator[None]:
    """On SQLite the test database lives in memory with a shared cache, where a second writer
    fails at once instead of waiting as it does on the file a real install uses: copy it to a
    file and give the threads' connections that file (WAL, busy timeout, IMMEDIATE, as set)."""
    if connection.vendor != "sqlite":
        yield
        return
    path = str(tmp_path / "letters.sqlite3")
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    before = connections.settings["default"]
    connections.settings["default"] = {**before, "NAME": path}
    try:
        yield
    finally:
        connections.settings["default"] = before


@pytest.mark.django_db(transaction=True)
def test_two_issues_at_once_never_share_a_number(dagan, resident, officials, tmp_path):
    real = pdf.letter_pdf_bytes

    def slow_pdf(letter, village):
        time.sleep(0.3)  # hold the lock long enough that the other issue must wait for it
        return real(letter, village)

    start = threading.Barrier(3)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def issue() -> None:
        try:
            start.wait()
            letter = issue_letter(
                village=dagan,
                template="skck",
                resident=resident,
                values={"keperluan": "melamar kerja"},
                signer=officials[0],
                on_behalf=False,
                user=None,
            )
            numbers.append(letter.number)
            numbers.append(str(Letter.objects.filter(village=dagan).count()))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    with (
        threads_share_a_real_database(tmp_path),
        mock.patch.object(pdf, "letter_pdf_bytes", slow_pdf),
    ):
        workers = [threading.Thread(target=issue) for _ in range(3)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
    assert not errors, errors
    issued = sorted(numbers[0::2])
    assert [n.split("/")[1] for n in issued] == ["001", "002", "003"]
    assert len(set(issued)) == 3
