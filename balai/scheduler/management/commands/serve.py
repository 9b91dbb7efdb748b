"""Production in one command: the web server (gunicorn), the task worker and the scheduler as
child processes of this one.

A child that dies is started again after a pause that doubles with each quick death (1 s up to
a minute; back to 1 s once it has run a minute). SIGTERM or Ctrl+C stops every child (SIGTERM,
then SIGKILL after STOP_SECONDS) and this process after them; a child also gets SIGTERM from the
kernel if this process is killed outright (Linux PR_SET_PDEATHSIG), so none is left behind.

Workers and threads of the web server come from the CPU count, overridable with WEB_CONCURRENCY
and WEB_THREADS. `--no-worker` and `--no-scheduler` leave those to their own systemd units.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from balai.lib.startup import startup_problem

STOP_SECONDS = 25
MAX_BACKOFF = 60.0
HEALTHY_RUN_SECONDS = 60.0
PR_SET_PDEATHSIG = 1


def web_workers() -> int:
    value = os.environ.get("WEB_CONCURRENCY", "")
    return int(value) if value.strip() else max(2, os.cpu_count() or 1)


def web_threads() -> int:
    value = os.environ.get("WEB_THREADS", "")
    return int(value) if value.strip() else 4


def gunicorn_argv(bind: str) -> list[str]:
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "balai.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(web_workers()),
        "--worker-class",
        "gthread",
        "--threads",
        str(web_threads()),
        "--keep-alive",
        os.environ.get("WEB_KEEPALIVE", "5"),
        # A worker is replaced after this many requests (a guard against a slow leak); each
        # start imports Django again (~1 s of CPU), so not too often on a busy site.
        "--max-requests",
        "20000",
        "--max-requests-jitter",
        "2000",
        "--graceful-timeout",
        "20",
        "--timeout",
        os.environ.get("WEB_TIMEOUT", "60"),
        # No access log here: gunicorn's would print search query strings. Errors to stderr.
        "--no-control-socket",
        "--error-logfile",
        "-",
    ]
    if Path("/dev/shm").is_dir():
        argv += ["--worker-tmp-dir", "/dev/shm"]
    return argv


def _die_with_parent() -> None:
    """In the child, before exec: end with SIGTERM when the serve process goes away."""
    os.setsid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl: do not run on alone
        os._exit(0)


@dataclass
class Child:
    name: str
    argv: list[str]
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    backoff: float = 1.0
    due: float = 0.0
    restarts: int = field(default=0)

    def start(self) -> None:
        self.proc = subprocess.Popen(self.argv, preexec_fn=_die_with_parent, close_fds=True)
        self.started = time.monotonic()


class Command(BaseCommand):
    help = "Jalankan Balai untuk produksi: server web, pekerja tugas, dan penjadwal."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="host:port of the web server")
        parser.add_argument("--no-worker", action="store_true", help="no task worker here")
        parser.add_argument("--no-scheduler", action="store_true", help="no scheduler here")

    def handle(
        self, *args: Any, bind: str, no_worker: bool, no_scheduler: bool, **opts: Any
    ) -> None:
        problem = startup_problem() or _migrations_problem() or _bind_problem(bind)
        if problem:
            sys.stderr.write(f"Balai tidak bisa mulai: {problem}\n")
            sys.exit(1)
        from django.db import connection

        connection.close()  # the children open their own
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        children = [Child("server web", gunicorn_argv(bind))]
        if not no_worker:
            children.append(Child("pekerja tugas", [sys.executable, manage, "db_worker", "-v0"]))
        if not no_scheduler:
            children.append(
                Child("penjadwal", [sys.executable, manage, "scheduler", "--skip-startup-checks"])
            )
        supervise(children, self.stderr.write)


def _migrations_problem() -> str | None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return "basis data belum diperbarui: jalankan manage.py migrate"
    return None


def _bind_problem(bind: str) -> str | None:
    host, _, port = bind.rpartition(":")
    host = host.strip("[]") or "0.0.0.0"
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, int(port)))
    except (OSError, ValueError) as exc:
        name = exc.__class__.__name__
        return f"alamat {bind} tidak bisa dipakai ({name}): pilih yang lain dengan --bind"
    return None


def supervise(children: list[Child], say: Any) -> None:
    stopping = False

    def request_stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGHUP, request_stop)
    for child in children:
        child.start()
    say(f"Balai berjalan: {', '.join(c.name for c in children)} (pid {os.getpid()})")
    try:
        while not stopping:
            now = time.monotonic()
            for child in children:
                if child.proc is None:
                    if now >= child.due and not stopping:
                        child.start()
                        child.restarts += 1
                    continue
                code = child.proc.poll()
                if code is None or stopping:
                    continue
                ran = now - child.started
                child.backoff = (
                    1.0 if ran >= HEALTHY_RUN_SECONDS else min(child.backoff * 2, MAX_BACKOFF)
                )
                child.due = now + child.backoff
                child.proc = None
                say(
                    f"{child.name} berhenti (kode {code}); mulai lagi dalam {child.backoff:.0f} dtk"
                )
            time.sleep(0.2)
    finally:
        _stop_all(children)


def _stop_all(children: list[Child]) -> None:
    running = [c.proc for c in children if c.proc is not None and c.proc.poll() is None]
    for proc in running:
        try:
            proc.send_signal(signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + STOP_SECONDS
    for proc in running:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
