"""Reads for the public welfare pages: tables built from stored WelfareFigure rows only, with
small cells suppressed exactly as the population statistics do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from balai.lib.charts import Bar
from balai.population.models import Area
from balai.population.selectors import Cell, small_cell
from balai.villages.models import Village
from balai.welfare.models import Programme, Recipient, WelfareFigure

Figures = QuerySet[WelfareFigure]


@dataclass
class WRow:
    label: str
    cell: Cell
    extra: list[Cell] = field(default_factory=list)  # persons, or the amount
    year: int = 0


@dataclass
class WTable:
    key: str
    title: str
    rows: list[WRow]
    columns: list[str]

    @property
    def threshold(self) -> int:
        return small_cell()

    @property
    def bars(self) -> list[Bar]:
        """The chart's rows: the first column of every row that has anyone in it."""
        return [
            Bar(r.label, 0 if r.cell.hidden else r.cell.count, r.cell.text, hidden=r.cell.hidden)
            for r in self.rows
            if r.cell.count
        ]

    @property
    def csv_rows(self) -> list[list[str]]:
        """The CSV download, header first: hidden cells as the page writes them."""
        rows = [["kelompok", *map(str, self.columns)]]
        for r in self.rows:
            rows.append([r.label, *(c.text.replace(".", "") for c in [r.cell, *r.extra])])
        return rows

    @property
    def data(self) -> dict[str, Any]:
        """The JSON download: null for a hidden cell."""
        return {
            "judul": str(self.title),
            "batas_sel_kecil": self.threshold,
            "kolom": [str(c) for c in self.columns],
            "baris": [
                {
                    "label": r.label,
                    "nilai": [None if c.hidden else c.count for c in [r.cell, *r.extra]],
                }
                for r in self.rows
            ],
        }


def _cell(n: int, total: int = 0) -> Cell:
    return Cell(n, 100 * n / (total or 1), 0 < n < small_cell())


def _money(n: int, hidden: bool) -> Cell:
    return Cell(n, 0, hidden)


def _sums(qs: Figures, category: str, by: str = "label") -> dict[tuple[Any, int], tuple[int, int]]:
    rows = qs.filter(category=category).values(by, "year").annotate(n=Sum("count"), a=Sum("amount"))
    return {(r[by], r["year"]): (r["n"], r["a"]) for r in rows}


def decile_table(qs: Figures) -> WTable:
    hh, people = _sums(qs, "decile-hh"), _sums(qs, "decile-person")
    total = sum(n for n, _a in hh.values())
    rows = []
    for d in range(1, 11):
        n = hh.get((str(d), 0), (0, 0))[0]
        p = people.get((str(d), 0), (0, 0))[0]
        rows.append(WRow(_("Desil %(d)d") % {"d": d}, _cell(n, total), [_cell(p)]))
    return WTable(
        "desil", _("Rumah tangga menurut desil kesejahteraan"), rows, [_("Rumah tangga"), _("Jiwa")]
    )


def programme_table(qs: Figures) -> WTable:
    rows = []
    for (name, year), (n, amount) in sorted(
        _sums(qs, "programme").items(), key=lambda x: (-x[0][1], x[0][0])
    ):
        cell = _cell(n)
        label = name if str(year) in name else f"{name} ({year})"
        rows.append(WRow(label, cell, [_money(amount, cell.hidden)], year))
    return WTable(
        "program",
        _("Penerima menurut program dan tahun"),
        rows,
        [_("Penerima"), _("Nilai per periode (Rp)")],
    )


def dusun_table(qs: Figures, *, by_village: bool = False, category: str = "dusun") -> WTable:
    by = "village__region__name" if by_village else "label"
    sums = _sums(qs, category, by)
    merged: dict[str, int] = {}
    for (label, _y), (n, _a) in sums.items():
        merged[label or _("Belum tercatat")] = merged.get(label or _("Belum tercatat"), 0) + n
    rows = [WRow(label, _cell(n)) for label, n in sorted(merged.items())]
    if by_village:
        return WTable("wilayah", _("Penerima aktif menurut desa"), rows, [_("Penerima")])
    if category == "rw":
        return WTable("rw", _("Penerima aktif menurut RW"), rows, [_("Penerima")])
    return WTable("wilayah", _("Penerima aktif menurut dusun"), rows, [_("Penerima")])


def trend_table(table: WTable) -> WTable:
    """Recipients of all programmes per year (hidden cells are not added in, so a small
    programme cannot be recovered by subtraction)."""
    years: dict[int, int] = {}
    for row in table.rows:
        if not row.cell.hidden:
            years[row.year] = years.get(row.year, 0) + row.cell.count
    rows = [WRow(str(y), _cell(n), year=y) for y, n in sorted(years.items())]
    return WTable("tren", _("Penerima semua program per tahun"), rows, [_("Penerima")])


def coverage(qs: Figures) -> dict[str, Any]:
    sums = _sums(qs, "coverage")
    poorest = sums.get(("d12", 0), (0, 0))[0]
    none = sums.get(("d12-none", 0), (0, 0))[0]
    return {"poorest": _cell(poorest), "uncovered": _cell(none), "any": poorest > 0}


def village_figures(village: Village) -> Figures:
    return WelfareFigure.objects.for_village(village)


def has_figures(village: Village) -> bool:
    key = f"welfare:has-figures:{village.pk}:{village.content_version}"
    found = cache.get(key)
    if found is None:
        found = WelfareFigure.objects.for_village(village).filter(count__gt=0).exists()
        cache.set(key, found, 3600)
    return found


def public_programmes(village: Village) -> QuerySet[Programme]:
    return Programme.objects.for_village(village).filter(
        publicly_announced=True, list_published=True
    )


def tables(qs: Figures, *, district: bool = False) -> dict[str, WTable]:
    found = [decile_table(qs), programme_table(qs), dusun_table(qs, by_village=district)]
    if not district:  # RW names mean nothing across villages
        found.append(dusun_table(qs, category="rw"))
    return {t.key: t for t in found}


def mask_name(name: str) -> str:
    """A recipient's name as an announced list shows it by default: neighbours recognise
    "Sri W******" next to the dusun and RT, a search engine learns no full name. The first word
    stays (a one-word name keeps its first half), every later word keeps its initial."""
    words = name.split()
    if not words:
        return ""
    if len(words) == 1:
        keep = (len(words[0]) + 1) // 2
        return words[0][:keep] + "*" * (len(words[0]) - keep)
    return " ".join([words[0], *(w[0] + "*" * (len(w) - 1) for w in words[1:])])


def names_masked() -> bool:
    """settings.WELFARE_MASK_NAMES: on unless the district turns it off."""
    return bool(settings.WELFARE_MASK_NAMES)


@dataclass(frozen=True)
class AnnouncedRow:
    name: str
    area: Area | None
    start: date
    end: date | None


def announced_rows(village: Village, programme: Programme) -> list[AnnouncedRow]:
    """The active recipients of an announced programme as the public list shows them: name
    (masked unless the district chose otherwise), dusun/RT and period, nothing else."""
    people = (
        Recipient.objects.for_village(village)
        .filter(programme=programme, status=Recipient.Status.ACTIVE)
        .select_related("area")
        .only("name", "start", "end", "area__dusun", "area__rt", "area__rw")
    )
    show = mask_name if names_masked() else str
    return [AnnouncedRow(show(r.name), r.area, r.start, r.end) for r in people]
