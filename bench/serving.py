"""Balai served for real (issue 13's benchmark): `manage.py serve` on a fresh demo build, measured
with ApacheBench (`ab`, keep-alive) on this machine.

1. Cached village home (/desa/dagan/ after warm-up), req/s: through `manage.py serve` (no nginx)
   as a ratio of nginx serving the page's saved HTML as a static file (HTTP); through the shipped
   nginx site (deploy/nginx/balai.conf, micro-cache, HTTPS) as a ratio of the same nginx serving
   the same bytes statically; and against a bare Django view under the same gunicorn
   (bench/serving_wsgi.py: the same bytes from a view with no middleware, from the same view
   behind Balai's middleware, and from a plain WSGI callable).
2. Uncached village home and statistics page (server started with PUBLIC_PAGE_CACHE_SECONDS=0):
   p50/p95/p99 at 10 and 50 clients.
3. Load with writes: public pages at 50 clients for 60 s while, at the same time, an admin
   imports 10,000 residents into the same village through the import pipeline (job_start →
   serve's task worker checks → job_confirm → the worker writes), publishes a story every 10 s,
   and a seller takes an order every second (order_create + confirm) — errors counted (ab's
   failed and non-2xx, the server log's 'database is locked' / tracebacks, the writer's
   exceptions, the import job's outcome) and p99 of the requests started during the import.

4. `--rehearsal` (as root; instead of 1–3): the scale-out of issue 13 on one machine — a
   PostgreSQL streaming replica of the local primary made with pg_basebackup (port 5434; a
   `replication` line is added to the primary's pg_hba.conf with a reload and taken out after),
   Redis, two app servers (`manage.py serve` with DATABASE_REPLICA_URLS, each with its worker and
   scheduler) behind the shipped nginx site (install.sh --upstream A,B), and the load with writes
   of section 3 through nginx over HTTPS; reports what each app server answered and how many
   transactions the replica ran.

Section 1 also counts the server's CPU time (user + system of gunicorn and its workers, from
/proc) per request: on a shared machine the wall-clock rates move with the neighbours' load,
the CPU cost per request barely.

Sections 2 and 3 run on SQLite (file cache) and on PostgreSQL (Redis cache, DB 6); section 1
once, on the first database (a cached hit asks no database). Each database is built fresh in a
temporary BALAI_VAR_DIR (migrate, createcachetable, demo, collectstatic).

    .venv/bin/python bench/serving.py [--quick] [--db sqlite,postgres] [--pg-url URL]
        [--redis-url URL] [--seconds 60] [--rows 10000] [--sections cached,uncached,load]
    .venv/bin/python bench/serving.py --rehearsal [--quick]

Needs ab (apache2-utils), nginx, openssl; ports 8201-8212 (and 5434 for the rehearsal). The
machine's load average is printed with each section: on a shared 2-core machine req/s are
noisy, compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
HOST = "balai.test"
PORT_STATIC, PORT_SERVE, PORT_HTTP, PORT_HTTPS, PORT_WRAP, PORT_UNCACHED, PORT_LOAD = (
    8201, 8202, 8203, 8204, 8205, 8206, 8207,
)  # fmt: skip
PORT_APP_A, PORT_APP_B, PORT_REPLICA = 8211, 8212, 5434  # the rehearsal's (--rehearsal)
ROUNDS = 2  # of the same-server comparison
IMPORT_AFTER = 5  # seconds of load before the import starts
HOME, STATS = "/desa/dagan/", "/desa/dagan/statistik/"
LOAD_PAGES = [  # (path, clients): 50 in all
    (HOME, 15),
    (STATS, 15),
    ("/desa/dagan/berita/", 10),
    ("/desa/dagan/lapak/", 10),
]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


# --- ApacheBench ----------------------------------------------------------------------------


@dataclass
class AbResult:
    rps: float
    done: int
    failed: int
    non2xx: int
    p50: int
    p95: int
    p99: int
    raw: str = ""
    times: list[tuple[int, int]] = field(default_factory=list)  # (start epoch s, ms)


def ab_args(url: str, clients: int, seconds: float, rate: int, gnuplot: Path | None) -> list[str]:
    argv = ["ab", "-q", "-k", "-l", "-c", str(clients), "-t", str(seconds)]
    argv += ["-n", str(max(1000, int(rate * seconds))), "-H", f"Host: {HOST}"]
    if gnuplot:
        argv += ["-g", str(gnuplot)]
    return [*argv, url]


def ab_parse(out: str, gnuplot: Path | None = None) -> AbResult:
    def number(pattern: str, default: str = "0") -> str:
        found = re.search(pattern, out)
        return found[1] if found else default

    result = AbResult(
        rps=float(number(r"Requests per second:\s+([\d.]+)")),
        done=int(number(r"Complete requests:\s+(\d+)")),
        failed=int(number(r"Failed requests:\s+(\d+)")),
        non2xx=int(number(r"Non-2xx responses:\s+(\d+)")),
        p50=int(number(r"\n\s+50%\s+(\d+)")),
        p95=int(number(r"\n\s+95%\s+(\d+)")),
        p99=int(number(r"\n\s+99%\s+(\d+)")),
        raw=out,
    )
    if gnuplot and gnuplot.exists():
        for line in gnuplot.read_text().splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) >= 5:
                result.times.append((int(cells[1]), int(cells[4])))
    return result


def ab(url: str, clients: int, seconds: float, rate: int = 40000) -> AbResult:
    run = subprocess.run(ab_args(url, clients, seconds, rate, None), capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"ab failed on {url}:\n{run.stdout}\n{run.stderr}")
    result = ab_parse(run.stdout)
    if result.failed or result.non2xx:
        print(f"  !! {url}: {result.failed} failed, {result.non2xx} non-2xx")
    return result


def get(url: str, context: ssl.SSLContext | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=30, context=context) as response:
        return response.status, dict(response.headers), response.read()


def wait_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            get(url)
            return
        except Exception as exc:  # noqa: BLE001 - not up yet
            if time.monotonic() > deadline:
                sys.exit(f"{url} did not answer in {seconds:.0f} s: {exc}")
            time.sleep(0.3)


# --- databases and servers ------------------------------------------------------------------


def base_env(var: Path, db: str, args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DEBUG")}
    env.update(
        BALAI_VAR_DIR=str(var),
        SECRET_KEY=secrets.token_urlsafe(50),
        DISTRICT_DOMAIN=HOST,
        ALLOWED_HOSTS="*",
        PYTHONUNBUFFERED="1",
    )
    if db == "postgres":
        env["DATABASE_URL"] = args.pg_url
        env["REDIS_URL"] = args.redis_url
    return env


def manage(env: dict[str, str], *argv: str) -> None:
    run = subprocess.run(
        [PY, "manage.py", *argv], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if run.returncode:
        sys.exit(f"manage.py {' '.join(argv)} failed:\n{run.stdout}\n{run.stderr}")


def build(db: str, var: Path, args: argparse.Namespace) -> dict[str, str]:
    env = base_env(var, db, args)
    started = time.monotonic()
    if db == "postgres":
        import psycopg

        name = args.pg_url.rsplit("/", 1)[1]
        admin = args.pg_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    manage(env, "migrate", "-v0")
    manage(env, "createcachetable")
    manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    manage(env, "demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    print(f"{db}: fresh demo build in {time.monotonic() - started:.0f} s ({var})")
    return env


class Server:
    """`manage.py serve` (or gunicorn with serve's own argv and another app), its output in a
    log file; stopped with SIGTERM to the process (serve stops its children)."""

    def __init__(self, env: dict[str, str], port: int, log: Path, argv: list[str] | None = None):
        self.log = log
        self.port = port
        command = argv or [PY, "manage.py", "serve", "--bind", f"127.0.0.1:{port}"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
        )
        wait_up(f"http://127.0.0.1:{port}/healthz")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server and every process under it: a
        measure the other load of a shared machine barely moves, unlike requests per second."""
        parents: dict[int, int] = {}
        times: dict[int, float] = {}
        tick = os.sysconf("SC_CLK_TCK")
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            parents[int(entry.name)] = int(fields[1])
            # utime, stime, and cutime, cstime: what its reaped children used (a gunicorn
            # worker recycled after --max-requests is counted in its master).
            times[int(entry.name)] = sum(int(f) for f in fields[11:15]) / tick
        tree, total = {self.process.pid}, 0.0
        changed = True
        while changed:
            changed = False
            for pid, parent in parents.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    changed = True
        for pid in tree:
            total += times.get(pid, 0.0)
        return total

    def problems(self) -> dict[str, int]:
        text = self.log.read_text(errors="replace")
        return {
            "database is locked": text.count("database is locked"),
            "Traceback": text.count("Traceback"),
            # /healthz answers 503 until the worker's first heartbeat: the start-up probe's.
            "5xx logged": len(re.findall(r"path=(?!/healthz )\S+ status=5\d\d\b", text)),
        }


def wrapped_gunicorn_argv(env: dict[str, str], port: int) -> list[str]:
    """The gunicorn command `manage.py serve` runs, with bench/serving_wsgi.py as the app."""
    code = (
        "import json, django; django.setup(); "
        "from balai.scheduler.management.commands.serve import gunicorn_argv; "
        f"print(json.dumps(gunicorn_argv('127.0.0.1:{port}')))"
    )
    out = subprocess.run(
        [PY, "-c", code], cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "balai.settings"},
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    argv = json.loads(out.strip().splitlines()[-1])
    argv[argv.index("balai.wsgi:application")] = "serving_wsgi:application"
    # No worker recycling here: a restart (~1 s of CPU) would be charged to whichever of the
    # compared runs it falls in.
    for option in ("--max-requests", "--max-requests-jitter"):
        at = argv.index(option)
        del argv[at : at + 2]
    return [*argv, "--pythonpath", f"{ROOT},{ROOT / 'bench'}"]


# --- nginx ----------------------------------------------------------------------------------


def nginx_bin() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_conf(tmp: Path, body: str) -> Path:
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"{user}worker_processes {os.cpu_count() or 1};\ndaemon off;\npid {tmp}/nginx.pid;\n"
        f"error_log stderr;\nevents {{ worker_connections 1024; }}\nhttp {{\n"
        f"include /etc/nginx/mime.types;\nsendfile on;\naccess_log off;\n"
        f"proxy_temp_path {tmp}/proxy;\nclient_body_temp_path {tmp}/body;\n"
        f"fastcgi_temp_path {tmp}/f;\nuwsgi_temp_path {tmp}/u;\nscgi_temp_path {tmp}/s;\n"
        f"{body}\n}}\n"
    )
    return conf


def nginx_static(tmp: Path, page: bytes) -> subprocess.Popen[bytes]:
    (tmp / "www").mkdir(parents=True, exist_ok=True)
    (tmp / "www" / "page.html").write_bytes(page)
    conf = nginx_conf(
        tmp,
        f"server {{ listen 127.0.0.1:{PORT_STATIC}; keepalive_requests 100000; "
        f"root {tmp}/www; location / {{ }} }}",
    )
    process = subprocess.Popen([nginx_bin(), "-c", str(conf), "-p", str(tmp)])
    wait_up(f"http://127.0.0.1:{PORT_STATIC}/page.html", 10)
    return process


def nginx_shipped(
    tmp: Path,
    page: bytes,
    upstream: str = f"127.0.0.1:{PORT_SERVE}",
    *,
    host: str = HOST,
    http: int = PORT_HTTP,
    https: int = PORT_HTTPS,
) -> subprocess.Popen[bytes]:
    """deploy/nginx/balai.conf rendered by deploy/install.sh, in front of `manage.py serve`
    (`upstream`: one app server, or several separated by commas), with `page` as a static file
    at /static/page.0123456789ab.html (the same bytes, for comparison). Also used by
    bench/nginx_microcache.py."""
    tmp.mkdir(parents=True, exist_ok=True)
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", f"/CN={host}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = subprocess.run(
        ["bash", str(ROOT / "deploy" / "install.sh"), "--render", "nginx/balai.conf",
         "--domain", host, "--cert", str(cert), "--key", str(key), "--root", str(tmp),
         "--upstream", upstream, "--listen-http", f"127.0.0.1:{http}",
         "--listen-https", f"127.0.0.1:{https}", "--cache-dir", str(tmp / "cache"),
         "--log-dir", str(tmp / "log"), "--acme-root", str(tmp / "acme")],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    for folder in ("log", "cache", "acme", "var/static", "var/media"):
        (tmp / folder).mkdir(parents=True, exist_ok=True)
    (tmp / "var" / "static" / "page.0123456789ab.html").write_bytes(page)
    process = subprocess.Popen([nginx_bin(), "-c", str(nginx_conf(tmp, site)), "-p", str(tmp)])
    time.sleep(0.5)
    return process


# --- 1. cached hit --------------------------------------------------------------------------


def section_cached(env: dict[str, str], tmp: Path, seconds: float, rows: list[list[str]]) -> None:
    def row(what: str, result: AbResult, ratio: str = "") -> None:
        rows.append([what, f"{result.rps:,.0f}", f"{result.p99}", ratio, load()])
        print(f"  {what:58} {result.rps:9,.0f} req/s  p99 {result.p99} ms  {ratio}  {load()}")

    clients = 50
    serve = Server(env, PORT_SERVE, tmp / "serve-cached.log")
    shipped = static = None
    try:
        status, headers, page = get(f"http://127.0.0.1:{PORT_SERVE}{HOME}")
        assert status == 200 and "public" in headers.get("Cache-Control", ""), headers
        (tmp / "page.html").write_bytes(page)
        ab(f"http://127.0.0.1:{PORT_SERVE}{HOME}", clients, 2)  # warm every worker and thread
        print(f"1. cached village home {HOME} ({len(page):,} bytes), {clients} clients, keep-alive")
        static = nginx_static(tmp / "nginx-static", page)
        nginx_file = ab(f"http://127.0.0.1:{PORT_STATIC}/page.html", clients, seconds, 100000)
        row("nginx, the same bytes as a static file (HTTP)", nginx_file)
        hit = ab(f"http://127.0.0.1:{PORT_SERVE}{HOME}", clients, seconds)
        row("manage.py serve, cached hit (no nginx)", hit, f"{hit.rps / nginx_file.rps:.3f} ≥ 0.01")
        static.terminate()
        static.wait()
        static = None
        shipped = nginx_shipped(tmp / "nginx-shipped", page)
        context = ssl._create_unverified_context()
        cache_status = ""
        for _ in range(3):
            _s, headers, _b = get(f"https://127.0.0.1:{PORT_HTTPS}{HOME}", context)
            cache_status = headers.get("X-Cache-Status", "")
        if cache_status != "HIT":
            print(f"  !! the shipped nginx does not cache the page (X-Cache-Status {cache_status})")
        https_file = ab(
            f"https://127.0.0.1:{PORT_HTTPS}/static/page.0123456789ab.html", clients, seconds
        )
        row("shipped nginx, the same bytes as a static file (HTTPS)", https_file)
        micro = ab(f"https://127.0.0.1:{PORT_HTTPS}{HOME}", clients, seconds)
        row(
            f"shipped nginx micro-cache ({cache_status}, HTTPS)",
            micro,
            f"{micro.rps / https_file.rps:.2f} ≥ 0.5",
        )
    finally:
        for process in (static, shipped):
            if process:
                process.terminate()
                process.wait()
        serve.stop()
    wrap_env = {**env, "BENCH_PAGE": str(tmp / "page.html")}
    wrapped = Server(
        wrap_env, PORT_WRAP, tmp / "wrapped.log", wrapped_gunicorn_argv(wrap_env, PORT_WRAP)
    )
    try:
        base = f"http://127.0.0.1:{PORT_WRAP}"
        ab(base + HOME, clients, 2)
        ab(base + "/bench/before/", clients, 1)
        ab(base + "/bench/after/", clients, 1)
        print(
            "   same gunicorn (serve's argv, app bench/serving_wsgi.py), same bytes, "
            f"best of {ROUNDS} interleaved rounds:"
        )
        best: dict[str, AbResult] = {}
        done: dict[str, int] = {}
        cpu: dict[str, float] = {}
        for _round in range(ROUNDS):  # interleaved, best of each: the machine is shared
            for name in ("/bench/before/", "/bench/after/", HOME, "/bench/wsgi/"):
                used = wrapped.cpu_seconds()
                result = ab(base + name, clients, seconds / ROUNDS)
                cpu[name] = cpu.get(name, 0.0) + wrapped.cpu_seconds() - used
                done[name] = done.get(name, 0) + result.done
                if name not in best or result.rps > best[name].rps:
                    best[name] = result
        per_cpu = {name: done[name] / max(cpu[name], 1e-9) for name in done}
        before, after = best["/bench/before/"], best["/bench/after/"]
        hit, raw = best[HOME], best["/bench/wsgi/"]

        def by_cpu(name: str) -> str:
            return f"{per_cpu[name]:,.0f} req per server CPU-second"

        row("  plain WSGI callable, no Django", raw, by_cpu("/bench/wsgi/"))
        row("  bare Django view, no middleware", before, by_cpu("/bench/before/"))
        row(
            "  the same view behind Balai's middleware",
            after,
            f"{after.rps / before.rps:.2f} of bare; by CPU "
            f"{per_cpu['/bench/after/'] / per_cpu['/bench/before/']:.2f}",
        )
        row(
            "  cached village home",
            hit,
            f"{hit.rps / before.rps:.2f} ≥ 0.8; by CPU "
            f"{per_cpu[HOME] / per_cpu['/bench/before/']:.2f} ≥ 0.8",
        )
    finally:
        wrapped.stop()


# --- 2. uncached ----------------------------------------------------------------------------


def section_uncached(
    db: str, env: dict[str, str], tmp: Path, seconds: float, rows: list[list[str]]
) -> None:
    serve = Server(
        {**env, "PUBLIC_PAGE_CACHE_SECONDS": "0"}, PORT_UNCACHED, tmp / f"uncached-{db}.log"
    )
    try:
        print(f"2. {db}: uncached pages (PUBLIC_PAGE_CACHE_SECONDS=0)")
        for page in (HOME, STATS):
            url = f"http://127.0.0.1:{PORT_UNCACHED}{page}"
            ab(url, 10, 1)
            for clients in (10, 50):
                result = ab(url, clients, seconds, 2000)
                target = " (≤ 100)" if clients == 10 else ""
                rows.append(
                    [
                        f"{db} uncached {page} c={clients}",
                        f"{result.rps:,.0f}",
                        f"{result.p50}/{result.p95}/{result.p99}{target}",
                        f"errors {result.failed + result.non2xx}",
                        load(),
                    ]
                )
                print(
                    f"  {page:24} c={clients:<3} {result.rps:7,.0f} req/s  p50/p95/p99 "
                    f"{result.p50}/{result.p95}/{result.p99} ms{target}  errors "
                    f"{result.failed + result.non2xx}  {load()}"
                )
    finally:
        serve.stop()
    problems = {k: v for k, v in serve.problems().items() if v}
    if problems:
        print(f"  !! server log {serve.log}: {problems}")


# --- 3. load with writes --------------------------------------------------------------------


def writer(config: dict[str, Any]) -> None:
    """The admin and the seller, in their own process: import, stories, orders. Prints JSON."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from balai.imports.models import ImportJob
    from balai.imports.services import job_confirm, job_start
    from balai.market.models import Order, Product
    from balai.market.orders import OrderInput, order_advance, order_create
    from balai.news.models import Article
    from balai.news.services import article_publish, article_save
    from balai.villages.models import Village

    village = Village.objects.get(slug="dagan")
    products = list(
        Product.objects.filter(
            village=village, status="published", seller__status="approved", price_max__isnull=True
        )
        .exclude(stock=Product.Stock.SOLD_OUT)
        .select_related("seller", "village")[:20]
    )
    stamps: dict[str, float] = {}
    errors: list[str] = []
    counts = {"stories": 0, "orders": 0, "confirmed": 0}

    def attempt(what: str, action: Any, **kwargs: Any) -> Any:
        try:
            return action(**kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure is the measurement
            errors.append(f"{what}: {type(exc).__name__}: {str(exc)[:160]}")
            return None

    path = Path(config["file"])
    deadline = time.time() + config["seconds"]
    time.sleep(config["import_after"])  # the pages are under load when the import starts
    stamps["import_start"] = time.time()
    upload = SimpleUploadedFile("penduduk.xlsx", path.read_bytes())
    job = attempt(
        "import upload",
        lambda: job_start(
            village=village, user=None, importer="population.residents", upload=upload
        ),
    )
    confirmed = job is None
    next_story = time.time() + 2
    tick = 0
    while True:
        now = time.time()
        if job is not None and "import_done" not in stamps:
            status = attempt("import poll", lambda: ImportJob.objects.get(pk=job.pk).status)
            if status == ImportJob.Status.CHECKED and not confirmed:
                stamps["import_checked"] = now
                confirmed = True
                attempt("import confirm", lambda: job_confirm(job=job))
            elif status in ("done", "failed", "refused"):
                stamps["import_done"] = now
                stamps["import_status"] = status
                if status != ImportJob.Status.DONE:
                    errors.append(
                        f"import job {status}: {ImportJob.objects.get(pk=job.pk).failure}"
                    )
        if now >= deadline and ("import_done" in stamps or job is None or now > deadline + 120):
            break
        if now >= next_story:
            next_story = now + 10
            number = counts["stories"] + 1

            def story(number: int) -> None:
                article = Article(
                    title=f"Kabar beban {number}", body="Isi berita desa. " * 80, author_name="A"
                )
                article = article_save(village=village, article=article, actor=None)
                article_publish(village=village, article=article)

            before = len(errors)
            attempt("news publish", story, number=number)
            counts["stories"] += len(errors) == before
        if products:
            product = products[tick % len(products)]
            tick += 1
            data = OrderInput(
                buyer_name="Pembeli Beban",
                buyer_phone="081234567890",
                buyer_email="",
                quantity=max(1, product.min_order),
                variant=None,
                delivery=Order.Delivery.PICKUP,
                payment=Order.Payment.CASH,
                address="",
                note="",
                form_token=secrets.token_hex(16),
            )
            made = attempt("order create", order_create, product=product, data=data)
            if made:
                counts["orders"] += 1
                order = made[0]
                fields = {"total": (order.unit_price or 10000) * order.quantity}
                if attempt(
                    "order confirm",
                    order_advance,
                    order=order,
                    status=Order.Status.CONFIRMED,
                    actor=None,
                    fields=fields,
                ):
                    counts["confirmed"] += 1
        time.sleep(1)
    counts["products"] = len(products)
    print(json.dumps({"stamps": stamps, "errors": errors, "counts": counts}))


def percentile(values: list[int], p: float) -> int:
    if not values:
        return 0
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def section_load(
    db: str,
    env: dict[str, str],
    tmp: Path,
    seconds: float,
    rows_n: int,
    rows: list[list[str]],
    *,
    base: str = "",
    servers: list[Server] | None = None,
    context: ssl.SSLContext | None = None,
) -> None:
    """The load with writes against `manage.py serve` (started here), or against `base` in front
    of the given `servers` (the rehearsal: nginx and two app servers)."""
    sys.path.insert(0, str(ROOT / "bench"))
    file = Path(tempfile.gettempdir()) / f"balai-serving-dagan-{rows_n}.xlsx"
    if not file.exists():
        code = (
            "import sys, django; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/bench']; "
            "django.setup(); from pathlib import Path; import population_import as p; "
            "from balai.villages.models import Village; "
            "v = Village.objects.get(slug='dagan'); "
            "p.write_file(Path(sys.argv[2]), int(sys.argv[3]), v.region.code.replace('.', '')[:6])"
        )
        subprocess.run(
            [PY, "-c", code, str(ROOT), str(file), str(rows_n)],
            cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "balai.settings"}, check=True,
        )  # fmt: skip
    own = not servers
    if not servers:
        servers = [Server(env, PORT_LOAD, tmp / f"load-{db}.log")]
        base = f"http://127.0.0.1:{PORT_LOAD}"
    try:
        for page, _clients in LOAD_PAGES:
            status, _h, _b = get(base + page, context)
            assert status == 200, (page, status)
        print(f"3. {db}: public pages at 50 clients for {seconds:.0f} s while importing "
              f"{rows_n:,} residents, publishing and ordering")  # fmt: skip
        abs_ = []
        for i, (page, clients) in enumerate(LOAD_PAGES):
            plot = tmp / f"load-{db}-{i}.tsv"
            abs_.append(
                (
                    page,
                    plot,
                    subprocess.Popen(
                        ab_args(base + page, clients, seconds, 3000, plot),
                        stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT,
                        text=True,
                    ),  # fmt: skip
                )
            )
        config = json.dumps(
            {"file": str(file), "seconds": seconds - IMPORT_AFTER, "import_after": IMPORT_AFTER}
        )
        written = subprocess.run(
            [PY, __file__, "--writer", config],
            cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "balai.settings"},
            capture_output=True, text=True,
        )  # fmt: skip
        results = []
        for page, plot, process in abs_:
            out, _ = process.communicate()
            results.append((page, ab_parse(out, plot)))
    finally:
        if own:
            servers[0].stop()
    try:
        report = json.loads(written.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        report = {"stamps": {}, "errors": [f"writer crashed: {written.stderr[-2000:]}"]}
        report["counts"] = {}
    stamps = report["stamps"]
    start = int(stamps.get("import_start", 0))
    end = int(stamps.get("import_done", 1e12)) + 1
    everything, during = [], []
    failed = non2xx = done = 0
    for page, result in results:
        failed += result.failed
        non2xx += result.non2xx
        done += result.done
        everything += [ms for _s, ms in result.times]
        during += [ms for s, ms in result.times if start <= s <= end]
        if result.failed or result.non2xx:
            print(f"  !! {page}: {result.failed} failed, {result.non2xx} non-2xx of {result.done}")
        mine = [ms for s, ms in result.times if start <= s <= end]
        print(
            f"  {page:24} {result.done:7,} requests, p50/p99 {result.p50}/{result.p99} ms; "
            f"during the import p99 {percentile(mine, 0.99)} ms ({len(mine):,} requests)"
        )
    took = stamps.get("import_done", 0) - stamps.get("import_start", 0)
    problems: dict[str, int] = {}
    for server in servers:
        for name, count in server.problems().items():
            problems[name] = problems.get(name, 0) + count
    errors = report["errors"]
    total_errors = failed + non2xx + len(errors) + problems["database is locked"]
    total_errors += problems["Traceback"]
    print(
        f"  {done:,} requests ({done / seconds:,.0f}/s), failed {failed}, non-2xx {non2xx}; "
        f"p99 all {percentile(everything, 0.99)} ms, during the import "
        f"{percentile(during, 0.99)} ms ({len(during):,} requests, import "
        f"{stamps.get('import_status', '?')} in {took:.0f} s); {load()}"
    )
    print(f"  writes: {report['counts']}; writer errors {len(errors)}; server log {problems}")
    for line in errors[:10]:
        print(f"    {line}")
    rows.append(
        [
            f"{db} load+writes c=50 {seconds:.0f}s",
            f"{done / seconds:,.0f}",
            f"p99 {percentile(everything, 0.99)}; during import {percentile(during, 0.99)}",
            f"errors {total_errors} (ab {failed}+{non2xx}, writer {len(errors)}, "
            f"locked {problems['database is locked']}, tracebacks {problems['Traceback']}); "
            f"import {stamps.get('import_status', '?')} {took:.0f}s, "
            f"{report['counts'].get('stories', 0)} stories, "
            f"{report['counts'].get('orders', 0)} orders",
            load(),
        ]
    )


# --- 4. the scale-out rehearsal -------------------------------------------------------------


def psql(port: int, sql: str, db: str = "postgres") -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", db, "-Atq",
         "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


class Replica:
    """A streaming replica of the local primary (127.0.0.1:5432) made with pg_basebackup, run by
    the postgres user on PORT_REPLICA. Streaming needs a `replication` line in the primary's
    pg_hba.conf: when there is none, one for 127.0.0.1 is added with a reload (no restart) and
    taken out again at the end."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.data = folder / "data"
        self.added_hba = ""
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        if not bins:
            sys.exit("PostgreSQL's server programs are needed (/usr/lib/postgresql/*/bin)")
        self.bin = bins[-1]

    def as_postgres(self, *argv: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *argv], check=True, capture_output=True)

    def start(self) -> None:
        if os.geteuid() != 0:
            sys.exit("the rehearsal runs the replica as the postgres user: run it as root")
        rules = psql(
            5432,
            "SELECT count(*) FROM pg_hba_file_rules "
            "WHERE 'replication' = ANY(database) AND error IS NULL",
        )
        if rules == "0":
            hba = psql(5432, "SHOW hba_file")
            with open(hba, "a") as out:
                out.write("host replication postgres 127.0.0.1/32 trust  # balai bench\n")
            self.added_hba = hba
            psql(5432, "SELECT pg_reload_conf()")
            time.sleep(1)
        self.folder.mkdir(parents=True)
        for folder in (self.folder.parent, self.folder):
            folder.chmod(0o755)
        shutil.chown(self.folder, "postgres", "postgres")
        started = time.monotonic()
        self.as_postgres(
            str(self.bin / "pg_basebackup"), "-h", "127.0.0.1", "-p", "5432", "-U", "postgres",
            "-D", str(self.data), "-X", "stream", "-R", "-c", "fast",
        )  # fmt: skip
        # A hot standby needs these at least as high as on the primary.
        names = ["max_connections", "max_worker_processes", "max_wal_senders",
                 "max_prepared_transactions", "max_locks_per_transaction"]  # fmt: skip
        same = "".join(f"{name} = {psql(5432, f'SHOW {name}')}\n" for name in names)
        (self.data / "postgresql.conf").write_text(
            f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{self.folder}'\nhot_standby = on\n{same}"
        )
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n"
        )
        for name in ("postgresql.conf", "pg_hba.conf"):
            shutil.chown(self.data / name, "postgres", "postgres")
        self.as_postgres(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
            "-w", "start",
        )  # fmt: skip
        print(
            f"   replica made with pg_basebackup and started in {time.monotonic() - started:.1f} s,"
            f" in recovery: {psql(self.port, 'SELECT pg_is_in_recovery()')}"
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        if self.added_hba:
            text = Path(self.added_hba).read_text()
            kept = [line for line in text.splitlines(True) if not line.endswith("# balai bench\n")]
            Path(self.added_hba).write_text("".join(kept))
            psql(5432, "SELECT pg_reload_conf()")


def rehearsal(args: argparse.Namespace, tmp: Path, seconds: float, rows: list[list[str]]) -> None:
    """Issue 13's scale-out on one machine: PostgreSQL primary and a streaming replica, Redis,
    two app servers (`manage.py serve`, each with its worker and scheduler) behind the shipped
    nginx site, and the load with writes through nginx."""
    env = build("postgres", tmp / "pg", args)
    name = args.pg_url.rsplit("/", 1)[1]
    replica = Replica(tmp / "replica", PORT_REPLICA)
    servers: list[Server] = []
    nginx = None
    try:
        print("4. rehearsal: primary 127.0.0.1:5432, replica", end=" ")
        print(f"127.0.0.1:{PORT_REPLICA}, Redis {args.redis_url}, app servers :{PORT_APP_A} and")
        print(f"   :{PORT_APP_B} (manage.py serve) behind the shipped nginx (HTTPS :{PORT_HTTPS})")
        replica.start()
        villages = "SELECT count(*) FROM villages_village"
        for _ in range(120):
            if psql(PORT_REPLICA, villages, name) == psql(5432, villages, name):
                break
            time.sleep(0.5)
        replica_url = f"postgres://postgres@127.0.0.1:{PORT_REPLICA}/{name}"
        upstream = f"127.0.0.1:{PORT_APP_A},127.0.0.1:{PORT_APP_B}"
        context = ssl._create_unverified_context()
        base = f"https://127.0.0.1:{PORT_HTTPS}"
        reads = f"SELECT xact_commit FROM pg_stat_database WHERE datname = '{name}'"
        # As shipped, then with every cache off (no page cache, nothing an edge may keep): the
        # worst case, where every public read reaches an app server and the replica.
        phases = [
            ("rehearsal", {}, seconds),
            (
                "rehearsal, caches off",
                {"PUBLIC_PAGE_CACHE_SECONDS": "0", "PUBLIC_MAX_AGE": "0"},
                max(10.0, seconds / 2),
            ),
        ]
        for phase, (label, extra, length) in enumerate(phases):
            # Its own nginx (and micro-cache folder): nothing the first phase kept is served.
            nginx = nginx_shipped(tmp / f"nginx-rehearsal-{phase}", b"", upstream)
            app_env = {**env, "DATABASE_REPLICA_URLS": replica_url, **extra}
            servers = [
                Server(app_env, port, tmp / f"app-{port}-{len(rows)}.log")
                for port in (PORT_APP_A, PORT_APP_B)
            ]
            for _ in range(50):
                try:
                    get(base + "/healthz", context)
                    break
                except Exception:  # noqa: BLE001 - not up yet
                    time.sleep(0.2)
            before = int(psql(PORT_REPLICA, reads))
            section_load(
                label, env, tmp, length, args.rows, rows,
                base=base, servers=servers, context=context,
            )  # fmt: skip
            replica_transactions = int(psql(PORT_REPLICA, reads)) - before
            lag = psql(5432, "SELECT coalesce(max(replay_lag)::text, '0') FROM pg_stat_replication")
            served = [
                len(re.findall(r"request id=\S+ method=GET", s.log.read_text(errors="replace")))
                for s in servers
            ]
            print(
                f"  app servers answered {served[0]:,} and {served[1]:,} GETs (the rest came "
                f"from nginx's micro-cache); the replica ran {replica_transactions:,} "
                f"transactions; replay lag at the end {lag}"
            )
            rows[-1][3] += (
                f"; app servers {served[0]:,}+{served[1]:,} GETs, replica "
                f"{replica_transactions:,} transactions"
            )
            for server in servers:
                server.stop()
            servers = []
            nginx.terminate()
            nginx.wait()
            nginx = None
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait()
        for server in servers:
            server.stop()
        replica.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="short runs (~2 min in all)")
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/balai_lb_serving")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--seconds", type=float, help="length of the load with writes (60)")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--sections", default="cached,uncached,load", help="which of cached,uncached,load to run"
    )
    parser.add_argument(
        "--rehearsal",
        action="store_true",
        help="the scale-out rehearsal only (root: primary + replica, Redis, 2 app servers, nginx)",
    )
    parser.add_argument("--writer", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(json.loads(args.writer))
        return
    for tool in ("ab", nginx_bin(), "openssl"):
        if not shutil.which(tool) and not Path(tool).exists():
            sys.exit(f"{tool} is needed (apt-get install apache2-utils nginx openssl)")
    burst = 2.0 if args.quick else 5.0
    seconds = args.seconds or (20.0 if args.quick else 60.0)
    tmp = Path(tempfile.mkdtemp(prefix="balai-serving-"))
    rows: list[list[str]] = []
    print(f"{os.cpu_count()} cores, {load()}; temp {tmp}")
    try:
        if args.rehearsal:
            rehearsal(args, tmp, seconds, rows)
        for i, db in enumerate([] if args.rehearsal else args.db.split(",")):
            env = build(db, tmp / db, args)
            sections = args.sections.split(",")
            if i == 0 and "cached" in sections:
                section_cached(env, tmp, burst, rows)
            if "uncached" in sections:
                section_uncached(db, env, tmp, burst, rows)
            if "load" in sections:
                section_load(db, env, tmp, seconds, args.rows, rows)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    header = ["measure", "req/s", "ms (p99 or p50/p95/p99)", "ratio / errors", "load avg"]
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    for line in [header, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
    print("\nrerun: .venv/bin/python bench/serving.py", *sys.argv[1:])


if __name__ == "__main__":
    main()
