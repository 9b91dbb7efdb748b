"""Issue 15: the counter's online-request queue at 1,000 open requests in one village.

Adds 1,000 open requests (every open state, a tenth past their promised day) to Desa Dagan of
a demo build, then measures, signed in as Dagan's admin: the queue page (first and last page of
50), the archive, one request's page, and the district's page and landing page with the
worklist count: SQL queries, p50 and p95 over RUNS requests. The requests it added are deleted
at the end. Equal query counts on the first and the last page mean no N+1.

    BALAI_VAR_DIR=/tmp/balai-services .venv/bin/python manage.py migrate
    BALAI_VAR_DIR=/tmp/balai-services .venv/bin/python manage.py demo
    BALAI_VAR_DIR=/tmp/balai-services .venv/bin/python bench/requests_queue.py
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
from django.db import connection
from django.test import Client
from django.utils import timezone

from balai.accounts.models import User
from balai.services.models import Service, ServiceRequest
from balai.villages.models import Village

OPEN_REQUESTS = 1000
RUNS = 30
PREFIX = "BENCH"


def add_requests(village: Village) -> None:
    rng = random.Random(15)
    services = list(Service.objects.for_village(village).filter(online=True))
    now = timezone.now()
    rows = []
    for i in range(OPEN_REQUESTS):
        submitted = now - timedelta(hours=rng.randint(0, 24 * 30))
        late = i % 10 == 0
        rows.append(
            ServiceRequest(
                village=village,
                service=rng.choice(services),
                code=f"{PREFIX}{i:05d}",
                name=f"Warga Uji {i}",
                nik=f"3303{rng.randint(10**11, 10**12 - 1)}",
                phone=f"+62812{rng.randint(10**7, 10**8 - 1)}",
                purpose="Untuk melamar pekerjaan.",
                status=rng.choice(ServiceRequest.OPEN),
                submitted_at=submitted,
                due_on=timezone.localdate() - timedelta(days=3 if late else -3),
            )
        )
    ServiceRequest.objects.bulk_create(rows, batch_size=500)


def measure(client: Client, url: str) -> tuple[int, float, float]:
    host = (
        {"HTTP_HOST": settings.DISTRICT_DOMAIN} if getattr(settings, "DISTRICT_DOMAIN", "") else {}
    )
    assert client.get(url, **host).status_code == 200, url
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url, **host)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url, **host)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return len(queries), statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    dagan = Village.objects.get(slug="dagan")
    ServiceRequest.objects.filter(code__startswith=PREFIX).delete()
    add_requests(dagan)
    try:
        total = ServiceRequest.objects.for_village(dagan).filter(status__in=ServiceRequest.OPEN)
        print(f"Desa Dagan: {total.count()} open online requests ({connection.vendor})")
        admin = Client()
        admin.force_login(User.objects.get(email="admin@dagan.desa.id"))
        district = Client()
        district.force_login(User.objects.get(email="admin@purbalinggakab.go.id"))
        one = total.order_by("submitted_at").first()
        assert one is not None
        last_page = (total.count() + 49) // 50
        pages = [
            (admin, "/dasbor/dagan/layanan/", "queue, first page of 50"),
            (admin, f"/dasbor/dagan/layanan/?halaman={last_page}", "queue, last page"),
            (admin, "/dasbor/dagan/layanan/?tampil=arsip", "closed requests"),
            (admin, f"/dasbor/dagan/layanan/permohonan/{one.pk}/", "one request"),
            (district, "/dasbor/kabupaten/layanan/", "district: requests per village"),
            (district, "/dasbor/kabupaten/", "district landing page (worklist)"),
        ]
        print(f"{'page':40} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for client, url, label in pages:
            queries, p50, p95 = measure(client, url)
            print(f"{label:40} {queries:7d} {p50:8.1f} {p95:8.1f}")
    finally:
        ServiceRequest.objects.filter(code__startswith=PREFIX).delete()
    print("rerun: BALAI_VAR_DIR=/tmp/balai-services .venv/bin/python bench/requests_queue.py")


if __name__ == "__main__":
    main()
