"""Freshness and completeness of each village: a registry of checks and a stored score.

A check is `fn(village) -> bool | None` (None: does not apply to this village, e.g. a shop
check for a village that never opened a shop). The score is the weighted share of passed checks
among those that apply, stored in FreshnessScore by `freshness_recompute_all` (a task, and the
`support_freshness` command run by a daily timer) — never computed per request.

Other modules register their own checks from their AppConfig.ready(), so this app never imports
them:

    from balai.support.freshness import register_freshness_check

    def _news_recent(village):
        since = timezone.now() - timedelta(days=30)
        return Article.objects.for_village(village).filter(published_at__gte=since).exists()

    register_freshness_check("news_recent", _("Berita 30 hari terakhir"), _news_recent, weight=3)

Planned keys: news_recent (news), apbdes_current (budget: APBDes of this year published),
dip_complete (disclosure: DIP complete and no late requests), shop_active (market; None when the
village has no shop).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.support.models import FreshnessScore
from balai.villages import selectors as village_selectors
from balai.villages.models import Membership, Page, Village

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CheckFn = Callable[[Village], "bool | None"]


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


def freshness_checks() -> list[FreshnessCheck]:
    return list(_checks.values())


def _profile_complete(village: Village) -> bool:
    fields = ("tagline", "history", "vision", "mission", "office_address", "phone")
    return all(getattr(village, name) for name in fields)


def _officials_listed(village: Village) -> bool:
    return village.officials.exists()


def _privacy_page(village: Village) -> bool:
    return (
        Page.objects.for_village(village)
        .filter(slug__in=village_selectors.PRIVACY_SLUGS, is_published=True)
        .exists()
    )


def _admin_login_recent(village: Village) -> bool:
    since = timezone.now() - timedelta(days=30)
    return (
        Membership.objects.for_village(village)
        .filter(role=Membership.Role.ADMIN, user__last_login__gte=since)
        .exists()
    )


register_freshness_check("profile", _("Profil lengkap"), _profile_complete, weight=2)
register_freshness_check("officials", _("Perangkat terdaftar"), _officials_listed, weight=1)
register_freshness_check("privacy", _("Halaman privasi"), _privacy_page, weight=1)
register_freshness_check("admin_login", _("Admin masuk 30 hari terakhir"), _admin_login_recent, 2)


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
