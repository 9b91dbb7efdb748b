"""Password reset: how long the request takes for an address with an account and for one
without (the e-mail itself is sent by the worker, so both should take the same time).

Builds one account in a throw-away BALAI_VAR_DIR (migrated on first run) and posts the reset form
through the Django test client with the production settings (database task queue, file outbox):
    BALAI_VAR_DIR=/tmp/balai-reset SECRET_KEY=bench-only-key \
        .venv/bin/python bench/password_reset_timing.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
if not os.environ.get("BALAI_VAR_DIR"):
    sys.exit("Set BALAI_VAR_DIR to a throw-away directory (and SECRET_KEY to any long value).")

import django

django.setup()

from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

from balai.accounts.models import User

KNOWN = "bench-reset@contoh.id"
UNKNOWN = "siapa-saja@contoh.id"


def median_ms(client: Client, email: str, runs: int = 20) -> float:
    times = []
    for n in range(runs):
        cache.clear()  # no rate limit in the way: every request does the whole work
        start = time.perf_counter()
        response = client.post(
            "/masuk/lupa-sandi/",
            {"email": email},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
    return statistics.median(times)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not User.objects.filter(email=KNOWN).exists():
        User.objects.create_user(KNOWN, "bench-password-2026", name="Bench")
    setup_test_environment()
    client = Client(HTTP_HOST=os.environ.get("DISTRICT_DOMAIN", "localhost"))
    median_ms(client, UNKNOWN, 5)  # warm up
    known, unknown = [], []
    for _ in range(5):  # interleaved, so a busy moment hits both alike
        unknown.append(median_ms(client, UNKNOWN))
        known.append(median_ms(client, KNOWN))
    print(f"reset request, address with an account:    median {statistics.median(known):.1f} ms")
    print(f"reset request, address without an account: median {statistics.median(unknown):.1f} ms")
    print(f"rerun: BALAI_VAR_DIR={os.environ['BALAI_VAR_DIR']} SECRET_KEY=… {' '.join(sys.argv)}")


if __name__ == "__main__":
    main()
