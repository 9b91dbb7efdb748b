"""Complaints (issue 15) at district scale on the demo: 20,000 extra complaints spread over the
live villages (500 of them open in Dagan), then the village queue on the working-day clock, the
district figures (all villages, and one month), the public list, and one escalation run over
everything overdue: SQL queries, p50 and p95. The complaints it adds are deleted at the end.

Uses the demo data, so run it after `manage.py demo` in a throw-away BALAI_VAR_DIR:
    BALAI_VAR_DIR=/tmp/balai-complaints .venv/bin/python manage.py migrate
    BALAI_VAR_DIR=/tmp/balai-complaints .venv/bin/python manage.py demo
    BALAI_VAR_DIR=/tmp/balai-complaints .venv/bin/python bench/complaints_speed.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to the directory of a demo build.")

import django

django.setup()

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from balai.complaints import selectors
from balai.complaints.escalation import complaints_escalate
from balai.complaints.models import Complaint, ComplaintEvent, new_code
from balai.disclosure.calendar import WorkingCalendar
from balai.villages.models import Village

EXTRA = 20_000
DAGAN_OPEN = 500
PREFIX = "BENCH-"


def timed(fn, runs: int = 10) -> tuple[float, float, int]:
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], queries


def _add(villages: list[Village], dagan: Village) -> None:
    rng, today, calendar = random.Random(15), timezone.localdate(), WorkingCalendar()
    rows = []
    for n in range(EXTRA):
        village = dagan if n < DAGAN_OPEN else rng.choice(villages)
        received = today - timedelta(days=rng.randint(0, 365))
        answered = n >= DAGAN_OPEN and rng.random() < 0.8
        rows.append(
            Complaint(
                village=village,
                number=f"{PREFIX}{n:06d}",
                code=new_code(),
                category="infrastruktur",
                text="Jalan berlubang di RT 01.",
                received_on=received,
                due_on=calendar.add_working_days(received, 5),
                status="answered" if answered else "received",
                answered_on=received + timedelta(days=3) if answered else None,
                response_days=2 if answered else None,
                public_summary="Jalan berlubang." if answered else "",
                public_reply="Ditambal minggu ini." if answered else "",
            )
        )
    Complaint.objects.bulk_create(rows, batch_size=2000)


def main() -> None:
    dagan = Village.objects.get(slug="dagan")
    villages = list(Village.objects.filter(status="live"))
    today = timezone.localdate()
    start = time.perf_counter()
    _add(villages, dagan)
    print(f"added {EXTRA} complaints in {time.perf_counter() - start:.1f} s")
    try:
        results = {
            f"village queue (Dagan, {DAGAN_OPEN}+ open)": timed(
                lambda: selectors.complaint_queue(dagan, on=today), runs=5
            ),
            f"district figures ({len(villages)} villages, all months)": timed(
                lambda: selectors.district_figures(month=None, on=today)
            ),
            "district figures (this month)": timed(
                lambda: selectors.district_figures(month=today.replace(day=1), on=today)
            ),
            "public list, first page (Dagan)": timed(
                lambda: list(selectors.public_complaints(dagan)[:20])
            ),
        }
        for name, (p50, p95, queries) in results.items():
            print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, {queries} queries")
        mail.outbox = []
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            done = complaints_escalate(on=today)
        print(
            f"escalation run: {len(done)} complaints in {time.perf_counter() - start:.1f} s, "
            f"{len(ctx.captured_queries)} queries, {len(mail.outbox)} e-mails"
        )
    finally:
        extra = Complaint.objects.filter(number__startswith=PREFIX)
        ComplaintEvent.objects.filter(complaint__in=extra).delete()
        extra.delete()
    print("rerun: BALAI_VAR_DIR=/tmp/balai-complaints .venv/bin/python bench/complaints_speed.py")


if __name__ == "__main__":
    main()
