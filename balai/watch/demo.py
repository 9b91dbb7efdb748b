"""Demo data for the district's watch: every live site's freshness score, and the integrity
alerts a real week would have — an admin signing in from a new address, a flood of failed
logins from a few addresses, and a burst of new content already handled."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from balai.accounts.models import User
from balai.villages.models import Village
from balai.watch.freshness import freshness_recompute_all
from balai.watch.integrity import integrity_alert_raise, integrity_logins_check
from balai.watch.models import FreshnessScore, IntegrityAlert, LoginRecord

# Documentation address ranges (RFC 5737): never a real visitor's.
HOME, TRAVEL = "198.51.100.23", "203.0.113.77"
GUESSERS = ("192.0.2.10", "192.0.2.11", "192.0.2.12")
GUESSER_PREFIX = "192.0.2."
FAILED = 24


def demo_build(
    *, rng: random.Random, villages: list[Village], users: dict[str, User]
) -> dict[str, int]:
    now = timezone.now()
    scored = freshness_recompute_all(village_ids=[v.pk for v in villages])
    admin = users.get("admin@dagan.desa.id")
    records = []
    if admin is not None:
        records += [LoginRecord(user=admin, ip=HOME, succeeded=True) for _ in range(3)] + [
            LoginRecord(user=admin, ip=TRAVEL, succeeded=True, new_ip=True)
        ]
    records += [
        LoginRecord(email_hash=f"{i:064x}", ip=rng.choice(GUESSERS), succeeded=False)
        for i in range(FAILED)
    ]
    LoginRecord.objects.bulk_create(records)
    raised = len(integrity_logins_check(now=now))
    if len(villages) > 1:
        burst = villages[1]
        key = f"burst:news.article:{burst.pk}:demo"
        message = f"{burst}: 26 berita baru dalam satu jam."
        kind = IntegrityAlert.Kind.BURST
        if integrity_alert_raise(kind=kind, key=key, message=message, village=burst):
            IntegrityAlert.objects.filter(dedupe_key=key).update(
                created_at=now - timedelta(days=3), handled_at=now - timedelta(days=2)
            )
            raised += 1
    return {"freshness scores": scored, "integrity alerts": raised}


def demo_clear(*, village_ids: set[int]) -> None:
    IntegrityAlert.objects.filter(village__in=village_ids).delete()
    # Install-wide alerts name the addresses: only the demo's are in these ranges.
    demo_alerts = Q(message__contains=GUESSER_PREFIX) | Q(message__contains=TRAVEL)
    IntegrityAlert.objects.filter(demo_alerts, village__isnull=True).delete()
    demo_ips = [HOME, TRAVEL, *GUESSERS]
    LoginRecord.objects.filter(ip__in=demo_ips).delete()
    FreshnessScore.objects.filter(village__in=village_ids).delete()
