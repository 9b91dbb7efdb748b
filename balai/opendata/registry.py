"""The open-data registry: every public table Balai publishes, declared by the app that owns it.

Each domain app may hold a `datasets.py` with `DATASETS`, a list of `Dataset`; this app finds
those modules when it starts (`datasets_discover`, like the watch's `freshness.py`), so
`opendata` imports no domain model and a domain needs no change here to publish a table.

A dataset is either a village's (`scope="village"`, published as `<village-slug>-<key>`) or the
district's (`scope="district"`, `kabupaten-<key>`). It names its columns (the data dictionary),
a `rows` function and a `coverage` function:

- `rows(village)` (district: `rows(villages)`, the live villages' queryset) returns the table's
  rows, each a sequence in column order, **aggregates only**: figures already small-cell
  suppressed by the owning module's public selectors (a hidden cell is `None`), never a NIK,
  a birth date, an address or a name of a resident;
- `coverage(villages)` answers, for many villages in a bounded number of queries, which of them
  publish the dataset and since when: village id → `Coverage` (last modified, temporal start and
  end). A village missing from the answer does not publish it (no figures, a kelurahan without
  an APBDes…). The district catalogue calls it once for all 239 villages.

See docs/opendata.md for an example of a `datasets.py`.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from django.apps import apps

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise

    from balai.villages.models import Village

KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MODULE = "datasets"  # the module name every app may declare its datasets in

# The EU data themes (DCAT-AP's controlled vocabulary for dcat:theme).
THEMES = {"AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI"}
THEMES |= {"TECH", "TRAN"}
# The EU frequency codes (dct:accrualPeriodicity); "" takes the district's default.
FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "UPDATE_CONT"}
COLUMN_TYPES = {"string", "integer", "number", "boolean", "date"}


@dataclass(frozen=True)
class Column:
    """One column of a dataset: a line of its data dictionary (the `…-kamus.csv`)."""

    name: str  # snake_case, the CSV header and the JSON key
    label: StrOrPromise
    type: str = "string"  # one of COLUMN_TYPES
    description: StrOrPromise = ""


@dataclass(frozen=True)
class Coverage:
    """What a village's copy of a dataset covers. `modified` None: the figures carry no time of
    their own, the catalogue uses the time of the village's last public change instead."""

    modified: datetime | None = None
    start: date | None = None
    end: date | None = None


Row = Sequence[Any]
CoverageFn = Callable[["QuerySet[Village]"], dict[int, Coverage]]


# eq=False: compared and hashed by identity (a dict key of the catalogue builder), so hashing one
# does not translate its lazy title and description.
@dataclass(frozen=True, eq=False)
class Dataset:
    key: str  # [a-z0-9-]+, unique within its scope
    title: StrOrPromise
    description: StrOrPromise
    columns: tuple[Column, ...]
    rows: Callable[[Any], Iterable[Row]]  # (village) or, for the district, (villages)
    coverage: CoverageFn
    theme: str = "SOCI"  # an EU data theme (THEMES)
    keywords: tuple[str, ...] = ()
    frequency: str = ""  # an EU frequency code (FREQUENCIES); "" = the district's default
    scope: Literal["village", "district"] = "village"
    order: int = 50
    source: StrOrPromise = ""  # the public page this table is also shown on (for people)
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        # Checked at start-up, not as a broken catalogue on the first harvest.
        problems = []
        if not KEY.fullmatch(self.key) or self.key.endswith("-kamus"):
            problems.append(f"key {self.key!r}")
        if self.theme not in THEMES:
            problems.append(f"theme {self.theme!r}")
        if self.frequency and self.frequency not in FREQUENCIES:
            problems.append(f"frequency {self.frequency!r}")
        problems += [f"column {c.name!r}" for c in self.columns if c.type not in COLUMN_TYPES]
        if problems:
            raise ValueError(f"dataset {self.key}: bad " + ", ".join(problems))


_datasets: dict[tuple[str, str], Dataset] = {}


def register_dataset(dataset: Dataset) -> None:
    """Add (or replace, by scope and key) a dataset."""
    _datasets[(dataset.scope, dataset.key)] = dataset


def datasets_discover() -> list[str]:
    """Register the `DATASETS` of every installed app's `datasets` module; returns the modules
    found. Called from OpendataConfig.ready(); running it again changes nothing."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{MODULE}"
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        for dataset in getattr(module, "DATASETS", ()):
            register_dataset(dataset)
        found.append(name)
    return found


def registered(scope: str) -> list[Dataset]:
    return sorted(
        (d for d in _datasets.values() if d.scope == scope), key=lambda d: (d.order, d.key)
    )


def find(scope: str, key: str) -> Dataset | None:
    return _datasets.get((scope, key))


def frequency_label(code: str) -> StrOrPromise:
    from django.utils.translation import gettext_lazy as _

    labels = {
        "DAILY": _("Harian"),
        "WEEKLY": _("Mingguan"),
        "MONTHLY": _("Bulanan"),
        "QUARTERLY": _("Triwulanan"),
        "ANNUAL": _("Tahunan"),
        "IRREG": _("Tidak tentu"),
        "UPDATE_CONT": _("Terus-menerus"),
    }
    return labels.get(code, code)


def theme_label(code: str) -> StrOrPromise:
    from django.utils.translation import gettext_lazy as _

    labels = {
        "ECON": _("Ekonomi dan keuangan"),
        "GOVE": _("Pemerintahan dan sektor publik"),
        "SOCI": _("Kependudukan dan masyarakat"),
    }
    return labels.get(code, code)
