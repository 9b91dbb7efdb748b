"""Issue 17, part 5: the landing pages' waiting counts and the queues at district scale.

Builds, in its own database, 200 live villages, a mentor with 8 of them, a kecamatan viewer,
2,000 help requests, the 39 other desa with an application each (at random ages), 40 comments
and 10 residents' stories per village, 20 orders per village, 300 PPID requests and 5,000 audit
entries; then measures, signed in as each person, the SQL queries and the p50/p95 time of each
landing page and queue — once with that data and once with a tenth of it, so a query that grows
with the rows (an N+1) shows as a different count.

    BALAI_VAR_DIR=/tmp/balai-bench-queues .venv/bin/python manage.py migrate
    BALAI_VAR_DIR=/tmp/balai-bench-queues .venv/bin/python bench/work_surfaces.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to a throw-away directory: this builds a whole district's queues.")

import django

django.setup()

from django.core import signals
from django.db import close_old_connections, connection
from django.test import Client
from django.utils import timezone

from balai.accounts.models import KecamatanViewer, User
from balai.audit.models import AuditEntry
from balai.disclosure.models import InfoRequest
from balai.market.models import Order, Product, Seller
from balai.mentoring.models import HelpRequest
from balai.news.models import Article, Comment, Submission
from balai.regions.models import Region
from balai.regions.selectors import village_regions
from balai.regions.services import regions_load_default
from balai.registrations.models import Application, ApplicationEvent
from balai.villages.models import Membership, Village

RUNS = 20
PASSWORD = "bench-antrean-2026"


def _ago(rng: random.Random, days: float) -> timezone.datetime:
    return timezone.now() - timedelta(hours=rng.uniform(0, days * 24))


def build(scale: float) -> dict[str, User]:
    """The district at `scale` (1.0 = the full figures above); replaces the previous build."""
    rng = random.Random(17)
    for model in (Comment, Submission, Order, HelpRequest, InfoRequest, AuditEntry):
        model.objects.all().delete()
    ApplicationEvent.objects.all().delete()
    Application.objects.all().delete()
    if not Region.objects.exists():
        regions_load_default()
    regions = list(village_regions())
    if not Village.objects.exists():
        Village.objects.bulk_create(
            Village(region=r, slug=f"d{r.code.replace('.', '')}", status="live")
            for r in regions[:200]
        )
    villages = list(Village.objects.select_related("region").order_by("pk"))
    users = {
        "district": _user("operator@bench.id", "Operator Kabupaten", is_district_admin=True),
        "mentor": _user("mentor@bench.id", "Mentor RTIK"),
        "viewer": _user("camat@bench.id", "Pemantau Kecamatan"),
    }
    for village in villages[:8]:
        Membership.objects.get_or_create(
            user=users["mentor"], village=village, defaults={"role": Membership.Role.MENTOR}
        )
    KecamatanViewer.objects.get_or_create(
        user=users["viewer"], kecamatan_id=villages[0].region.parent_id
    )
    asker = users["district"]
    n = int(2000 * scale)
    HelpRequest.objects.bulk_create(
        HelpRequest(
            village=rng.choice(villages),
            author=asker,
            topic="news",
            message=f"Permintaan {i}: foto berita tidak muncul di beranda setelah diunggah.",
            status=rng.choice(["open", "answered", "resolved"]),
        )
        for i in range(n)
    )
    _spread(HelpRequest, rng, 10)
    taken = {v.region_id for v in villages}
    free = [r for r in regions if r.code not in taken][: max(1, int(len(regions) * scale))]
    Application.objects.bulk_create(
        Application(
            region=r,
            applicant_name="Pemohon",
            applicant_position="sekretaris",
            whatsapp="+6281234567890",
            email="p@bench.id",
            wanted_slug=f"a{r.code.replace('.', '')}",
            letter="surat-permohonan/x.pdf",
            letter_content_type="application/pdf",
        )
        for r in free
    )
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(application=a, kind="submitted") for a in Application.objects.all()
    )
    _spread(ApplicationEvent, rng, 20)
    per_village = max(1, int(40 * scale))
    articles = []
    for village in villages[:40]:
        article, _ = Article.objects.get_or_create(
            village=village,
            slug="bench",
            defaults={"title": "Berita", "body": "Isi", "author_name": "Admin"},
        )
        articles.append(article)
    Comment.objects.bulk_create(
        Comment(village=a.village, article=a, name="Warga", body="Komentar panjang " * 5)
        for a in articles
        for _ in range(per_village)
    )
    _spread(Comment, rng, 6)
    Submission.objects.bulk_create(
        Submission(village=a.village, name="W", whatsapp="+6281200000000", title="K", body="C")
        for a in articles
        for _ in range(max(1, per_village // 4))
    )
    _spread(Submission, rng, 6)
    _orders(villages[:8], rng, max(1, int(20 * scale)))
    InfoRequest.objects.bulk_create(
        InfoRequest(
            village=rng.choice(villages),
            number=f"{i}/PPID/2026",
            channel="web",
            name="P",
            address="-",
            id_number="3303000000000000",
            information="Rincian APB Desa",
            purpose="-",
            obtain="copy",
            format="soft",
            delivery="email",
            received_on=date.today() - timedelta(days=rng.randint(0, 40)),
            due_on=date.today() + timedelta(days=rng.randint(-20, 14)),
        )
        for i in range(int(300 * scale))
    )
    AuditEntry.objects.bulk_create(
        AuditEntry(actor=asker, village=rng.choice(villages), action="budget.year_approve")
        for _ in range(int(5000 * scale))
    )
    return users


def _user(email: str, name: str, **fields) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, PASSWORD, name=name, **fields)
    return user


def _spread(model, rng: random.Random, days: float) -> None:
    """Give rows random ages (auto_now_add sets them all to now)."""
    for pk in model.objects.values_list("pk", flat=True):
        model.objects.filter(pk=pk).update(created_at=_ago(rng, days))


def _orders(villages: list[Village], rng: random.Random, per_village: int) -> None:
    for i, village in enumerate(villages):
        seller, _ = Seller.objects.get_or_create(
            village=village, name="Penjual", defaults={"whatsapp": "+6281300000000"}
        )
        product, _ = Product.objects.get_or_create(
            village=village,
            seller=seller,
            slug="produk",
            defaults={"name": "Produk", "category": "batik", "price_min": 1000},
        )
        Order.objects.bulk_create(
            Order(
                village=village,
                seller=seller,
                product=product,
                code=f"B{i:02d}{j:05d}",
                form_token=f"B{i:02d}{j:05d}",
                product_name="Produk",
                category="batik",
                quantity=1,
                buyer_name="B",
                buyer_phone="+6281211112222",
                delivery="ambil",
                status=rng.choice(list(Order.Status.values)),
            )
            for j in range(per_village)
        )
    for pk in Order.objects.values_list("pk", flat=True):
        when = _ago(rng, 4)
        Order.objects.filter(pk=pk).update(created_at=when, updated_at=when)


def measure(client: Client, url: str) -> tuple[int, float, float]:
    client.get(url)
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(queries), statistics.median(times), max(times)


def pages(users: dict[str, User]) -> list[tuple[str, str, str]]:
    one = Village.objects.order_by("pk").first()
    assert one is not None
    return [
        ("district", "/dasbor/kabupaten/", "operator: landing page"),
        ("district", "/dasbor/kabupaten/pendaftaran/", "operator: review queue"),
        ("district", "/dasbor/kabupaten/pendaftaran/?terlambat=1", "operator: overdue apps"),
        ("district", "/dasbor/kabupaten/bantuan/", "operator: help queue (50 a page)"),
        ("district", "/dasbor/kabupaten/jejak/", "operator: audit sentences (50 a page)"),
        ("mentor", "/dasbor/", "mentor (8 villages): landing page"),
        ("mentor", "/dasbor/kabupaten/bantuan/?terlambat=1", "mentor: overdue help requests"),
        ("mentor", f"/dasbor/{one.slug}/berita/komentar/", "mentor: one village's comments"),
        ("mentor", f"/dasbor/{one.slug}/berita/kiriman/", "mentor: one village's stories"),
        ("mentor", f"/dasbor/{one.slug}/lapak/penjual/pesanan/", "mentor: one village's orders"),
        ("viewer", "/dasbor/kecamatan/", "kecamatan viewer: landing page"),
    ]


def main() -> None:
    # As Django's test client does in tests: keep the connection (and its query log) open.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    results: dict[str, list[tuple[int, float, float]]] = {}
    for scale in (0.1, 1.0):
        users = build(scale)
        clients = {}
        for key, user in users.items():
            clients[key] = Client()
            clients[key].force_login(user)
        for who, url, label in pages(users):
            results.setdefault(label, []).append(measure(clients[who], url))
    rows = HelpRequest.objects.count(), Comment.objects.count(), AuditEntry.objects.count()
    print(f"full build: {rows[0]} help requests, {rows[1]} comments, {rows[2]} audit entries,")
    print(f"{Application.objects.count()} applications, {Order.objects.count()} orders")
    print(f"{'page':48} {'SQL 1/10':>8} {'SQL full':>8} {'p50 ms':>8} {'max ms':>8}")
    for label, ((small_q, _s50, _smax), (q, p50, worst)) in results.items():
        print(f"{label:48} {small_q:8d} {q:8d} {p50:8.1f} {worst:8.1f}")
    print("\nrerun: BALAI_VAR_DIR=/tmp/balai-bench-queues .venv/bin/python bench/work_surfaces.py")


if __name__ == "__main__":
    main()
