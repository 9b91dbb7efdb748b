"""A dataset's rows and its files: the CSV (formula guard and UTF-8 BOM from lib.exports), the
data dictionary (a second CSV, `…-kamus.csv`) and the JSON. The rows come from the owning
module's `rows` function, aggregates only, hidden cells as None (an empty CSV cell, a JSON
null)."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from balai.opendata.catalogue import Entry
from balai.opendata.registry import Dataset
from balai.villages.models import Village

PREVIEW_ROWS = 20


def dataset_rows(dataset: Dataset, village: Village | None) -> list[list[Any]]:
    """The rows of the village's copy (or, for a district dataset, of every live village)."""
    if dataset.scope == "district":
        source: Any = Village.objects.filter(status=Village.Status.LIVE)
    else:
        source = village
    return [list(row) for row in dataset.rows(source)]


def _text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _json(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def csv_rows(dataset: Dataset, rows: list[list[Any]]) -> list[list[Any]]:
    return [[c.name for c in dataset.columns], *([_text(v) for v in row] for row in rows)]


def dictionary_rows(dataset: Dataset) -> list[list[Any]]:
    header = [_("kolom"), _("label"), _("tipe"), _("keterangan")]
    return [header, *([c.name, str(c.label), c.type, str(c.description)] for c in dataset.columns)]


def json_document(entry: Entry, rows: list[list[Any]]) -> str:
    dataset = entry.dataset
    names = [c.name for c in dataset.columns]
    data = {
        "dataset": entry.name,
        "judul": entry.title,
        "wilayah": {"kode": entry.region_code, "nama": entry.region_name},
        "diperbarui": entry.modified.isoformat(),
        "kamus_data": [
            {
                "kolom": c.name,
                "label": str(c.label),
                "tipe": c.type,
                "keterangan": str(c.description),
            }
            for c in dataset.columns
        ],
        "baris": [dict(zip(names, map(_json, row), strict=True)) for row in rows],
    }
    return json.dumps(data, ensure_ascii=False)


def preview(dataset: Dataset, rows: list[list[Any]]) -> list[list[str]]:
    """The first rows as the page shows them: hidden cells as "–"."""
    return [["–" if v is None else str(_text(v)) for v in row] for row in rows[:PREVIEW_ROWS]]
