"""PPID Desa speed on the demo district: the working-day clock, the village request queue and
the district compliance table (queries and time, uncached).

Uses the demo data, so run it after `manage.py demo` in a throw-away BALAI_VAR_DIR:
    BALAI_VAR_DIR=/tmp/balai-disclosure .venv/bin/python bench/disclosure_speed.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to the directory of a demo build.")

import django

django.setup()

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from balai.disclosure import selectors
from balai.disclosure.calendar import WorkingCalendar
from balai.villages.models import Village


def timed(fn, runs: int = 20) -> tuple[float, float, int]:
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], queries


def main() -> None:
    calendar = WorkingCalendar()
    start = time.perf_counter()
    for day in range(365):
        calendar.add_working_days(date(2026, 1, 1) + timedelta(days=day), 10)
    per_call = (time.perf_counter() - start) / 365 * 1e6
    today = timezone.localdate()
    dagan = Village.objects.get(slug="dagan")
    p50q, p95q, nq = timed(lambda: selectors.request_queue(dagan, today=today))
    p50d, p95d, nd = timed(lambda: selectors.district_compliance(today=today))
    villages = Village.objects.filter(status="live").count()
    print(f"add_working_days(…, 10): {per_call:.0f} µs per call")
    print(f"village request queue (Dagan): p50 {p50q:.1f} ms, p95 {p95q:.1f} ms, {nq} queries")
    print(
        f"district compliance ({villages} live sites): "
        f"p50 {p50d:.1f} ms, p95 {p95d:.1f} ms, {nd} queries"
    )
    print("rerun: BALAI_VAR_DIR=/tmp/balai-disclosure .venv/bin/python bench/disclosure_speed.py")


if __name__ == "__main__":
    main()
