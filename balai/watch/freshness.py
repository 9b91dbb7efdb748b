"""Freshness and completeness of each village: a registry of checks and a stored score.

A check is `fn(village) -> bool | None` (None: does not apply to this village, e.g. a shop
check for a village that never opened a shop). The score is the weighted share of passed checks
among those that apply, stored in FreshnessScore by `freshness_recompute_all` (the
`support_freshness` command, run by a daily timer) — never computed per request.

Each app declares its own checks in a `freshness.py` module holding `CHECKS`, a list of
`(key, label, fn, weight)`; this app finds those modules when it starts (`freshness_discover`,
in INSTALLED_APPS order, which is the order of the columns), so no domain app imports the watch:

    # balai/news/freshness.py
    def news_recent(village):
        since = timezone.now() - timedelta(days=30)
        return public_articles(village).filter(publish_at__gte=since).exists()

    CHECKS = [("news_recent", _("Berita 30 hari terakhir"), news_recent, 3)]

Keys today: profile, officials, privacy, admin_login (villages), news_recent (news),
apbdes_current (budget), dip_complete (disclosure), shop_active (market).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from balai.villages.models import Village
from balai.watch.models import FreshnessScore

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CheckFn = Callable[[Village], "bool | None"]
MODULE = "freshness"  # the module name every app may declare its checks in


@dataclass(frozen=True)
class FreshnessCheck:
    key: str
    label: StrOrPromise
    fn: CheckFn
    weight: int = 1


_checks: dict[str, FreshnessCheck] = {}


def register_freshness_check(key: str, label: StrOrPromise, fn: CheckFn, weight: int = 1) -> None:
    """Add (or replace, by key) a check; the order of registration is the order of columns."""
    _checks[key] = FreshnessCheck(key, label, fn, weight)


def freshness_discover() -> list[str]:
    """Register the `CHECKS` of every installed app's `freshness` module; returns the modules
    found. Called from WatchConfig.ready(); running it again changes nothing."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{MODULE}"
        if name == __name__ or importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        for key, label, fn, weight in getattr(module, "CHECKS", ()):
            register_freshness_check(key, label, fn, weight)
        found.append(name)
    return found


def freshness_checks() -> list[FreshnessCheck]:
    return list(_checks.values())


def freshness_evaluate(village: Village) -> tuple[int, dict[str, bool | None]]:
    parts = {check.key: check.fn(village) for check in freshness_checks()}
    weights = {check.key: check.weight for check in freshness_checks()}
    applicable = sum(weights[k] for k, v in parts.items() if v is not None)
    passed = sum(weights[k] for k, v in parts.items() if v)
    return (round(100 * passed / applicable) if applicable else 0), parts


def freshness_recompute(*, village: Village) -> FreshnessScore:
    """Store the village's score; a check that passed before and fails now marks a slip."""
    now = timezone.now()
    score, parts = freshness_evaluate(village)
    with transaction.atomic():
        row = FreshnessScore.objects.select_for_update().filter(village=village).first()
        if row is None:
            row = FreshnessScore(village=village)
        slipped = [k for k, v in parts.items() if v is False and row.parts.get(k) is True]
        if slipped:
            row.slipped_at, row.slipped_parts = now, slipped
        row.score, row.parts, row.computed_at = score, parts, now
        row.save()
    return row


def freshness_recompute_all(*, village_ids: list[int] | None = None) -> int:
    villages = Village.objects.filter(status=Village.Status.LIVE).select_related("region")
    if village_ids is not None:
        villages = villages.filter(pk__in=village_ids)
    count = 0
    for village in villages:
        freshness_recompute(village=village)
        count += 1
    return count
