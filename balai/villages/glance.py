"""The village at a glance: the compact panel under the village's name on its home page, and
the same for the kabupaten on the portal home.

Each domain contributes its own figure without this app importing it (like the menu,
`navigation.py`): an app declares `FIGURES` in its own `glance.py`, a list of
`Figure(key, order, village_fn, district_fn)`, and this module finds those modules on first use
(`glance_discover`, in INSTALLED_APPS order). `village_fn(village)` and `district_fn()` return a
`GlanceItem`, or None when the section has nothing to show: a panel lists only sections with
data. Each function reads the figures its app already stores (population figures, the fiscal
year's totals, …) in one or two queries, never rows per resident.

    # balai/market/glance.py
    def village_products(village):
        n = public_products().filter(village=village).count()
        if n:
            return GlanceItem(_("Produk dijual"), angka(n), "", "market_index")

    FIGURES = [Figure("market", 50, village_products, district_products)]

The map thumbnail has one slot: `register_thumbnail(fn)` with `fn(village) -> str | None`
(an SVG drawn by the maps module when the village has a boundary).

Pages holding the panel are page-cached under the village's (or the district's) version, which
every change to a figure bumps, so the panel is computed once per version and host form.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.apps import apps
from django.utils.safestring import SafeString, mark_safe

from balai.villages.models import Village

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MODULE = "glance"  # the module name every app may declare its figures in


@dataclass(frozen=True)
class GlanceItem:
    """One figure of the panel: "Penduduk" / "4.213" / "1.204 keluarga", linking to its section.

    `url_name` is a name in the `site` namespace for a village (reversed for the host form the
    visitor used) and a full URL name for the district."""

    label: StrOrPromise
    value: str
    detail: str = ""
    url_name: str = ""
    url_kwargs: dict = field(default_factory=dict, hash=False)
    query: str = ""  # added to the address as it is ("tahun=2026")


VillageFn = Callable[[Village], "GlanceItem | None"]
DistrictFn = Callable[[], "GlanceItem | None"]


@dataclass(frozen=True)
class Figure:
    key: str
    order: int
    village: VillageFn | None = None
    district: DistrictFn | None = None


_figures: dict[str, Figure] = {}
_thumbnail: list[Callable[[Village], str | None]] = []
_discovered: list[str] = []


def register(
    key: str, order: int, village: VillageFn | None, district: DistrictFn | None = None
) -> None:
    """Add (or replace, by key) a figure of the panel."""
    _figures[key] = Figure(key, order, village, district)


def unregister(key: str) -> None:
    _figures.pop(key, None)


def register_thumbnail(fn: Callable[[Village], str | None] | None) -> None:
    """The map thumbnail's provider (one slot; None empties it). `fn` returns an SVG it drew
    itself from stored geometry, never text from a visitor: it is shown as it is."""
    _thumbnail.clear()
    if fn is not None:
        _thumbnail.append(fn)


def glance_discover() -> list[str]:
    """Register the `FIGURES` of every installed app's `glance` module (once)."""
    if _discovered:
        return list(_discovered)
    for config in apps.get_app_configs():
        name = f"{config.name}.{MODULE}"
        if name == __name__ or importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        for figure in getattr(module, "FIGURES", ()):
            _figures.setdefault(figure.key, figure)
        _discovered.append(name)
    return list(_discovered)


def _ordered() -> list[Figure]:
    glance_discover()
    return sorted(_figures.values(), key=lambda f: (f.order, f.key))


def village_glance(village: Village) -> list[GlanceItem]:
    """The panel of a village's home: each section that has data, in order."""
    items = (f.village(village) for f in _ordered() if f.village is not None)
    return [item for item in items if item is not None]


def district_glance() -> list[GlanceItem]:
    """The same for the kabupaten, summed over the live villages' stored figures."""
    items = (f.district() for f in _ordered() if f.district is not None)
    return [item for item in items if item is not None]


def village_thumbnail(village: Village) -> SafeString | None:
    if not _thumbnail:
        return None
    svg = _thumbnail[0](village)
    return mark_safe(svg) if svg else None  # drawn by our own code from stored geometry
