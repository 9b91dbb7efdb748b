"""Counting rankings and recipients into WelfareFigure rows. Runs when an import, a programme
or a recipient changes, never on a page view."""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.utils import timezone

from balai.population.models import Resident
from balai.villages.content import content_changed
from balai.villages.models import Village
from balai.welfare.models import Recipient, WelfareFigure, WelfareRank


def _latest_deciles(village: Village) -> dict[int, int]:
    """household id → decile of its newest ranking that has one."""
    latest: dict[int, int] = {}
    ranks = (
        WelfareRank.objects.for_village(village)
        .exclude(decile=None)
        .order_by("data_date")
        .values_list("household_id", "decile")
    )
    for household_id, decile in ranks:
        if decile is not None:
            latest[household_id] = decile
    return latest


def _covered_households(village: Village) -> set[int]:
    """Households with an active recipient, whether the benefit goes to a person, a KK or
    the household itself."""
    active = Recipient.objects.for_village(village).filter(status=Recipient.Status.ACTIVE)
    covered = set(active.exclude(household=None).values_list("household_id", flat=True))
    people = Resident.objects.for_village(village).exclude(household=None)
    covered |= set(
        people.filter(pk__in=active.exclude(resident=None).values("resident_id")).values_list(
            "household_id", flat=True
        )
    )
    covered |= set(
        people.filter(family_id__in=active.exclude(family=None).values("family_id")).values_list(
            "household_id", flat=True
        )
    )
    return covered


def _programme_years(village: Village, this_year: int) -> list[WelfareFigure]:
    counts: Counter = Counter()
    amounts: Counter = Counter()
    rows = Recipient.objects.for_village(village).values_list(
        "programme__name", "start", "end", "amount"
    )
    for name, start, end, amount in rows:
        last = min((end.year if end else this_year), this_year)
        for year in range(start.year, last + 1):
            counts[(name, year)] += 1
            amounts[(name, year)] += amount
    return [
        WelfareFigure(
            village=village, category="programme", label=n, year=y, count=c, amount=amounts[(n, y)]
        )
        for (n, y), c in counts.items()
    ]


def _dusun(village: Village) -> list[WelfareFigure]:
    active = Recipient.objects.for_village(village).filter(status=Recipient.Status.ACTIVE)
    pairs = list(active.values_list("area__dusun", "area__rw"))
    by_dusun = Counter(d for d, _rw in pairs)
    by_rw = Counter(f"{d} · RW {rw}" if d else "" for d, rw in pairs)
    return [
        WelfareFigure(village=village, category=category, label=label or "", count=c)
        for category, counter in (("dusun", by_dusun), ("rw", by_rw))
        for label, c in counter.items()
    ]


def figures_recompute(*, village: Village) -> int:
    deciles = _latest_deciles(village)
    households = Counter(deciles.values())
    persons = Counter(
        deciles[h]
        for h in Resident.objects.for_village(village)
        .filter(status=Resident.ALIVE, household_id__in=list(deciles))
        .values_list("household_id", flat=True)
    )
    poorest = {h for h, d in deciles.items() if d <= 2}
    uncovered = poorest - _covered_households(village)
    rows = [
        WelfareFigure(village=village, category=cat, label=str(d), count=n)
        for cat, counter in (("decile-hh", households), ("decile-person", persons))
        for d, n in counter.items()
    ]
    rows += [
        WelfareFigure(village=village, category="coverage", label="d12", count=len(poorest)),
        WelfareFigure(village=village, category="coverage", label="d12-none", count=len(uncovered)),
    ]
    rows += _programme_years(village, timezone.localdate().year)
    rows += _dusun(village)
    with transaction.atomic():
        WelfareFigure.objects.for_village(village).delete()
        WelfareFigure.objects.bulk_create(rows)
        content_changed(village)  # bulk writes send no signals
    return len(rows)


def figures_changed(*, village: Village) -> None:
    """Recount now: a village's welfare data is small, and the public page should agree with
    the dashboard the moment the admin looks."""
    figures_recompute(village=village)
