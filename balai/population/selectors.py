"""Reads for the public statistics: tables built from stored PopulationFigure rows only, with
small cells suppressed. The same tables feed the HTML, the SVG charts, the downloads and the
API (`village_tables` and `table_data`), so none of them can show a number the others hide."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from balai.lib.charts import Bar, PyramidRow
from balai.population import codes
from balai.population.figures import BY_KEY, CATEGORIES, Category, age_label
from balai.population.models import PopulationFigure, PopulationSettings
from balai.population.suppression import COMPLEMENTARY, SHOWN, suppress
from balai.villages.models import Village

Figure = tuple[int, str, int, int]  # code, label, sex, count

DEFAULT_PUBLISHED = [c.key for c in CATEGORIES]


def small_cell() -> int:
    return getattr(settings, "POPULATION_SMALL_CELL", 5)


@dataclass
class Cell:
    count: int
    share: float  # of the table's total, in percent
    hidden: bool = False  # fewer than the threshold: shown as "< 5"
    # Hidden although not small, so that a hidden small cell cannot be worked out from the
    # totals (see balai.population.suppression): shown as "*".
    complementary: bool = False

    @property
    def text(self) -> str:
        if self.hidden:
            return "*" if self.complementary else f"< {small_cell()}"
        return f"{self.count:,}".replace(",", ".")

    @property
    def share_text(self) -> str:
        return "" if self.hidden else f"{self.share:.1f}".replace(".", ",") + "%"


@dataclass
class Row:
    label: str
    cells: list[Cell]  # laki-laki, perempuan, jumlah
    kind: str = "code"  # code | sum | unfilled | total

    @property
    def is_code(self) -> bool:
        return self.kind == "code"


@dataclass
class Table:
    category: Category
    rows: list[Row] = field(default_factory=list)
    total: int = 0

    @property
    def threshold(self) -> int:
        return small_cell()

    @property
    def code_rows(self) -> list[Row]:
        return [r for r in self.rows if r.is_code]

    @property
    def shown_rows(self) -> list[Row]:
        """The rows the page's table lists: a long code list (occupations) leaves out the codes
        nobody has; the subtotal, unfilled and total rows always stay."""
        long = len(self.code_rows) > 20
        return [r for r in self.rows if not (long and r.is_code and not r.cells[2].count)]

    @property
    def has_complementary(self) -> bool:
        return any(c.complementary for r in self.rows for c in r.cells)

    @property
    def bars(self) -> list[Bar]:
        """The bar chart's rows: every code anyone has, by the total (table order)."""
        return [
            Bar(r.label, 0 if c.hidden else c.count, c.text, hidden=c.hidden)
            for r in self.code_rows
            if (c := r.cells[2]).count
        ]

    @property
    def pyramid(self) -> list[PyramidRow]:
        """The age pyramid's rows (oldest first, as the table): men left, women right."""
        return [
            PyramidRow(
                r.label,
                0 if (men := r.cells[0]).hidden else men.count,
                0 if (women := r.cells[1]).hidden else women.count,
                men.text,
                women.text,
                men.hidden,
                women.hidden,
            )
            for r in self.code_rows
        ]


def published_categories(village: Village) -> list[Category]:
    chosen = (
        PopulationSettings.objects.filter(village=village)
        .values_list("published", flat=True)
        .first()
    )
    keys = chosen or DEFAULT_PUBLISHED
    return [c for c in CATEGORIES if c.key in keys]


def has_figures(village: Village) -> bool:
    """Asked by the menu on every public page: cached per content version, which
    figures_recompute bumps."""
    from django.core.cache import cache

    key = f"population:has-figures:{village.pk}:{village.content_version}"
    found = cache.get(key)
    if found is None:
        found = PopulationFigure.objects.for_village(village).exists()
        cache.set(key, found, 3600)
    return found


def _by_label(category: Category) -> bool:
    """Area, family and household rows are told apart by their label, not a code."""
    return not category.codes and category.key != "umur"


def _labels(category: Category, counts: dict[tuple[int, str], list[int]]) -> list[tuple[int, str]]:
    if category.codes:
        return [(c, lab) for c, lab in codes.choices(category.codes)]
    if category.key == "umur":
        return [(c, age_label(c)) for c in range(16, 0, -1)]
    return sorted({(1, label) for (code, label) in counts if code}, key=lambda x: x[1])


def build_table(category: Category, figures: Iterable[Figure]) -> Table:
    """figures: (code, label, sex, count) rows, already summed over whatever area is shown.
    The one place public figures are suppressed: pages, charts and downloads all read this."""
    by_label = _by_label(category)
    counts: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for code, label, sex, count in figures:
        if sex in (1, 2):
            counts[(code, label if by_label and code else "")][sex - 1] += count
    filled = [0, 0]
    entries = []
    for code, label in _labels(category, counts):
        pair = counts.get((code, label if by_label else ""), [0, 0])
        entries.append((label, pair))
        filled = [filled[0] + pair[0], filled[1] + pair[1]]
    unfilled = counts.get((0, ""), [0, 0])
    total = [filled[0] + unfilled[0], filled[1] + unfilled[1]]
    grand = sum(total) or 1
    grid = [[a, b, a + b] for a, b in [pair for _label, pair in entries] + [unfilled, filled]]
    marks = suppress(grid, small_cell())

    def cells(values: list[int], mark: list[int]) -> list[Cell]:
        return [
            Cell(v, 100 * v / grand, m != SHOWN, m == COMPLEMENTARY)
            for v, m in zip(values, mark, strict=True)
        ]

    n = len(entries)
    table = Table(category, total=sum(total))
    table.rows = [Row(label, cells(grid[i], marks[i])) for i, (label, _p) in enumerate(entries)]
    table.rows.append(Row(_("Jumlah"), cells(grid[n + 1], marks[n + 1]), "sum"))
    table.rows.append(Row(_("Belum mengisi"), cells(grid[n], marks[n]), "unfilled"))
    table.rows.append(Row(_("Total"), cells([*total, sum(total)], [SHOWN] * 3), "total"))
    return table


def village_tables(village: Village, keys: Iterable[str] | None = None) -> dict[str, Table]:
    """The village's tables by category key, from one query: the given categories, or every
    category the village publishes. The statistics pages, their downloads and the API read
    this, so they all show the same suppressed numbers."""
    categories = [BY_KEY[k] for k in keys] if keys is not None else published_categories(village)
    figures: dict[str, list[Figure]] = defaultdict(list)
    rows = (
        PopulationFigure.objects.for_village(village)
        .filter(category__in=[c.key for c in categories])
        .values_list("category", "code", "label", "sex", "count")
    )
    for key, code, label, sex, count in rows:
        figures[key].append((code, label, sex, count))
    return {c.key: build_table(c, figures[c.key]) for c in categories}


def village_table(village: Village, key: str) -> Table:
    return village_tables(village, [key])[key]


def table_data(table: Table) -> dict[str, Any]:
    """One table as plain data: the public JSON download and the API's population entry."""
    return {
        "kategori": str(table.category.label),
        "satuan": table.category.unit,
        "batas_sel_kecil": small_cell(),
        # null = hidden: either below the threshold, or hidden so that one cannot be computed.
        "keterangan": "null = disembunyikan (kurang dari batas, atau agar angka kecil tidak "
        "dapat dihitung dari jumlahnya)",
        "baris": [
            {
                "label": row.label,
                "jenis": row.kind,
                **{
                    key: None if c.hidden else c.count
                    for key, c in zip(("laki_laki", "perempuan", "jumlah"), row.cells, strict=True)
                },
                "disembunyikan": any(c.hidden for c in row.cells),
            }
            for row in table.rows
        ],
    }


def table_rows(table: Table) -> list[list[str]]:
    """One table as the rows of its CSV download, header first (hidden cells as in the page)."""
    header = ["kategori", "laki_laki", "perempuan", "jumlah"]
    return [header] + [
        [row.label, *(c.text.replace(".", "") for c in row.cells)] for row in table.rows
    ]


def district_table(key: str, *, villages: QuerySet[Village] | None = None) -> Table:
    """Summed over villages (all, or one kecamatan's) from their stored figures."""
    category = BY_KEY[key]
    qs = PopulationFigure.objects.filter(category=key)
    if villages is not None:
        qs = qs.filter(village__in=villages)
    rows: list[Figure]
    if key in ("dusun", "rw", "rt", "keluarga", "rumah-tangga"):
        # Dusun names mean nothing across villages: the district counts by village instead.
        by_village = qs.values("village__region__name", "sex").annotate(n=Sum("count"))
        rows = [(1, r["village__region__name"], r["sex"], r["n"]) for r in by_village]
    else:
        by_code = qs.values("code", "sex").annotate(n=Sum("count"))
        rows = [(r["code"], "", r["sex"], r["n"]) for r in by_code]
    return build_table(category, rows)


def village_summary(village: Village) -> dict[str, int]:
    """Headline numbers: residents by sex, families, households."""
    sums = dict(
        PopulationFigure.objects.for_village(village)
        .filter(category__in=["umur", "keluarga", "rumah-tangga"])
        .values_list("category")
        .annotate(n=Sum("count"))
    )
    by_sex = dict(
        PopulationFigure.objects.for_village(village)
        .filter(category="umur")
        .values_list("sex")
        .annotate(n=Sum("count"))
    )
    return {
        "residents": sums.get("umur", 0),
        "men": by_sex.get(1, 0),
        "women": by_sex.get(2, 0),
        "families": sums.get("keluarga", 0),
        "households": sums.get("rumah-tangga", 0),
    }


def live_villages() -> QuerySet[Village]:
    return Village.objects.filter(status=Village.Status.LIVE)


def district_kecamatan_rows() -> list[dict[str, Any]]:
    """Residents of each kecamatan by sex, from the live villages' stored figures."""
    rows: dict[str, dict[str, Any]] = {}
    qs = (
        PopulationFigure.objects.filter(category="umur", village__in=live_villages())
        .values("village__region__parent__code", "village__region__parent__name", "sex")
        .annotate(n=Sum("count"))
    )
    for r in qs:
        entry = rows.setdefault(
            r["village__region__parent__code"],
            {
                "code": r["village__region__parent__code"],
                "name": r["village__region__parent__name"],
                "men": 0,
                "women": 0,
            },
        )
        entry["men" if r["sex"] == 1 else "women"] += r["n"]
    result = sorted(rows.values(), key=lambda e: e["name"])
    for entry in result:
        entry["total"] = entry["men"] + entry["women"]
    return result
