"""The monthly report (laporan bulanan): population at the start of the month, births, deaths,
arrivals, departures and the end of the month, by sex, worked back from today's register and
the event log."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone

from balai.population.models import Resident, ResidentEvent
from balai.villages.models import Village

Kind = ResidentEvent.Kind
IN = (Kind.BIRTH, Kind.MOVE_IN)
OUT = (Kind.DEATH, Kind.MOVE_OUT, Kind.MISSING, Kind.LEAVE)


@dataclass
class MonthlyReport:
    month: date
    rows: list[tuple[str, int, int]]  # label, laki-laki, perempuan

    @property
    def previous(self) -> str:
        d = date(self.month.year - (self.month.month == 1), (self.month.month - 2) % 12 + 1, 1)
        return f"{d:%Y-%m}"

    @property
    def next(self) -> str:
        d = date(self.month.year + (self.month.month == 12), self.month.month % 12 + 1, 1)
        return f"{d:%Y-%m}"


def parse_month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(p) for p in text.split("-"))
        date(year, month, 1)
    except ValueError:
        year = 0
    if not 1 < year < 9999:  # the report links to the month before and after: both must exist
        today = timezone.localdate()
        return today.year, today.month
    return year, month


def _events(village: Village, start: date, end: date | None) -> dict[tuple[int, int], int]:
    qs = ResidentEvent.objects.for_village(village).filter(event_date__gte=start)
    if end is not None:
        qs = qs.filter(event_date__lte=end)
    rows = qs.values_list("kind", "resident__sex").annotate(n=Count("id"))
    return {(kind, sex): n for kind, sex, n in rows}


def monthly_report(*, village: Village, year: int, month: int) -> MonthlyReport:
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    alive = dict(
        Resident.objects.for_village(village)
        .filter(status=Resident.ALIVE)
        .values_list("sex")
        .annotate(n=Count("id"))
    )
    since = _events(village, first, None)
    within = _events(village, first, last)

    def per_sex(counts: dict, kinds) -> list[int]:
        return [sum(counts.get((k, s), 0) for k in kinds) for s in (1, 2)]

    start = [
        alive.get(s, 0) - per_sex(since, IN)[s - 1] + per_sex(since, OUT)[s - 1] for s in (1, 2)
    ]
    births, arrivals = per_sex(within, [Kind.BIRTH]), per_sex(within, [Kind.MOVE_IN])
    deaths = per_sex(within, [Kind.DEATH])
    departures = per_sex(within, [Kind.MOVE_OUT, Kind.MISSING, Kind.LEAVE])
    end = [start[i] + births[i] + arrivals[i] - deaths[i] - departures[i] for i in range(2)]
    from django.utils.translation import gettext as _

    rows = [
        (_("Penduduk awal bulan"), *start),
        (_("Lahir"), *births),
        (_("Mati"), *deaths),
        (_("Datang (pindah masuk)"), *arrivals),
        (_("Pergi (pindah keluar, hilang, pergi)"), *departures),
        (_("Penduduk akhir bulan"), *end),
    ]
    return MonthlyReport(first, rows)
