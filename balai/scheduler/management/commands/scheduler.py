"""The built-in scheduler: runs every periodic job (balai/scheduler/jobs.py) once per period.

Any number may run (one per app host): each job's period is claimed with a conditional UPDATE
of its lease row, so only one of them runs it. The loop sleeps until the next job is due (at
most HEARTBEAT_SECONDS), a thread writes the heartbeat that /healthz reads every
HEARTBEAT_SECONDS even while a long job (the nightly backup) runs, and SIGTERM or Ctrl+C ends
the loop after the job in hand.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection
from django.utils import timezone

from balai.lib.startup import startup_problem
from balai.scheduler.jobs import JOBS
from balai.scheduler.services import heartbeat_beat, scheduler_next_due, scheduler_run_due

logger = logging.getLogger("balai.scheduler")
HEARTBEAT_SECONDS = 30


class Command(BaseCommand):
    help = "Jalankan tugas terjadwal Balai (terbitkan berita terjadwal, pantauan, cadangan, …)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run what is due now and stop")
        parser.add_argument(
            "--skip-startup-checks", action="store_true", help="(used by manage.py serve)"
        )

    def handle(self, *args: Any, once: bool, skip_startup_checks: bool, **options: Any) -> None:
        if not skip_startup_checks:
            problem = startup_problem()
            if problem:
                sys.stderr.write(f"Balai tidak bisa mulai: {problem}\n")
                sys.exit(1)
        for job in JOBS:
            reason = job.not_configured()
            if reason:
                logger.warning("Tugas %s belum diatur dan tidak dijalankan: %s", job.name, reason)
        if once:
            heartbeat_beat("scheduler")
            scheduler_run_due()
            return
        stop = threading.Event()

        def request_stop(signum: int, frame: Any) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        beat = threading.Thread(target=_beat, args=(stop,), name="heartbeat", daemon=True)
        beat.start()
        logger.info("Penjadwal berjalan.")
        while not stop.is_set():
            close_old_connections()  # a dropped or too old connection is opened anew
            scheduler_run_due()
            now = timezone.now()
            wait = (scheduler_next_due(now) - now).total_seconds()
            stop.wait(max(0.5, min(wait + 0.05, HEARTBEAT_SECONDS)))
        beat.join(timeout=5)
        connection.close()
        logger.info("Penjadwal berhenti.")


def _beat(stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            heartbeat_beat("scheduler")
        except Exception as exc:  # noqa: BLE001 - a database hiccup: the next beat tries again
            logger.warning("Tanda hidup penjadwal gagal ditulis: %s", type(exc).__name__)
        finally:
            connection.close()
        stop.wait(HEARTBEAT_SECONDS)
