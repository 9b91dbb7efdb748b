"""What waits for whom: the counts on the landing pages of the district operator, a mentor and
a kecamatan viewer, each a link to the queue that lists those items.

Modules add a provider in their AppConfig.ready() (the same way they add menu entries), so
the landing pages import no domain app:

    from balai.villages.worklist import register_work_provider
    register_work_provider(help_work)  # (scope) -> iterable of WorkCount

A provider answers only for the audiences its queue serves (a kecamatan viewer cannot open
the review queue, so registrations give them nothing) and must cost a bounded number of
queries whatever the number of villages: GROUP BY village, never one query per village.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django_stubs_ext import StrOrPromise

DISTRICT, MENTOR, KECAMATAN = "district", "mentor", "kecamatan"


@dataclass(frozen=True)
class WorkScope:
    """Who is looking: the district (every village), a mentor (the villages assigned to them)
    or a kecamatan viewer (the villages of their kecamatan)."""

    audience: str
    village_ids: tuple[int, ...] = ()  # the villages in view; empty for the district
    kecamatan: str = ""  # the kecamatan's region code, for a kecamatan viewer

    @property
    def is_district(self) -> bool:
        return self.audience == DISTRICT


@dataclass(frozen=True)
class WorkCount:
    """One count on a landing page: `count` items in the queue at `href`, `overdue` of them past
    the domain's deadline (their own list at `overdue_href`). `village` names the village for
    a queue that belongs to one village."""

    key: str
    label: StrOrPromise
    count: int
    href: str
    overdue: int = 0
    overdue_href: str = ""
    village: str = ""
    order: int = 50


WorkProvider = Callable[[WorkScope], Iterable[WorkCount]]
_providers: list[WorkProvider] = []


def register_work_provider(provider: WorkProvider) -> WorkProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def work_counts(scope: WorkScope) -> list[WorkCount]:
    """Every module's counts for this person, in the modules' order (not cached: a count must
    fall as soon as an item is handled)."""
    items = [item for provider in _providers for item in provider(scope)]
    return sorted(items, key=lambda item: (item.order, item.village))
