"""bench/serving.py's own parts: the WSGI app that prices Balai's middleware (bench/serving_wsgi.py)
must really put /bench/before/ outside every middleware and /bench/after/ behind all of them,
without touching the settings other code sees; and the ApacheBench report must be read right
(a miscounted failure would hide a 'database is locked')."""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core import signals
from django.db import close_old_connections

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import serving  # noqa: E402
import serving_wsgi  # noqa: E402

AB_OUTPUT = """
Concurrency Level:      50
Time taken for tests:   5.001 seconds
Complete requests:      3619
Failed requests:        12
   (Connect: 0, Receive: 0, Length: 0, Exceptions: 12)
Non-2xx responses:      7
Keep-Alive requests:    3619
Requests per second:    723.61 [#/sec] (mean)

Percentage of the requests served within a certain time (ms)
  50%     61
  66%     70
  75%     77
  80%     83
  90%    104
  95%    150
  98%    250
  99%    313
 100%    900 (longest request)
"""


def call(where: str) -> tuple[str, dict[str, str], bytes]:
    environ: dict[str, Any] = {"PATH_INFO": where, "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    environ["wsgi.input"] = BytesIO()
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        answer["status"], answer["headers"] = status, dict(headers)

    # As Django's test client does: the request signals must not close the test's database
    # connection (it sits in the test's transaction; PostgreSQL would lose it).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        response = serving_wsgi.application(environ, start_response)
        body = b"".join(response)
        if hasattr(response, "close"):
            response.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


@pytest.mark.django_db
def test_before_skips_every_middleware_and_after_runs_them_all() -> None:
    status, headers, body = call("/bench/before/")
    assert status.startswith("200") and body == serving_wsgi.BODY
    assert "Content-Security-Policy" not in headers and "X-Request-ID" not in headers
    status, headers, body = call("/bench/after/")
    assert status.startswith("200") and body == serving_wsgi.BODY
    assert "Content-Security-Policy" in headers and "X-Request-ID" in headers
    status, headers, body = call("/bench/wsgi/")
    assert status.startswith("200") and body == serving_wsgi.BODY and len(headers) == 2
    # Everything else is Balai, and the settings the rest of the process sees are unchanged.
    status, _headers, _body = call("/desa/tidak-ada/")
    assert status.startswith("404")
    assert settings.ROOT_URLCONF == "balai.urls"


def test_ab_report_is_read_with_its_failures(tmp_path: Path) -> None:
    plot = tmp_path / "plot.tsv"
    plot.write_text(
        "starttime\tseconds\tctime\tdtime\tttime\twait\n"
        "Sun Dec  6 14:00:01 2026\t1796565601\t0\t12\t12\t11\n"
        "Sun Dec  6 14:00:02 2026\t1796565602\t1\t40\t41\t40\n"
    )
    result = serving.ab_parse(AB_OUTPUT, plot)
    assert (result.done, result.failed, result.non2xx) == (3619, 12, 7)
    assert (result.p50, result.p95, result.p99) == (61, 150, 313)
    assert result.rps == pytest.approx(723.61)
    assert result.times == [(1796565601, 12), (1796565602, 41)]
    assert serving.percentile([5, 1, 9, 3], 0.99) == 9
    # -l: a page whose length changes while stories are published is not a failure.
    assert "-l" in serving.ab_args("http://x/", 5, 1, 100, None)
