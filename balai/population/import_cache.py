"""The dry run's parsed rows, kept beside the upload in private storage, so the confirmed write
does not read the spreadsheet a second time (half the wall time of a 100,000-row import).

JSON, never pickle: a file in storage must not be able to run code. The cross-row and
database checks are still made again at confirmation, against the register as it is then.
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile

from balai.lib.storage import working_storage
from balai.population.import_rows import FIELDS, Parsed
from balai.population.models import PopulationImport

DATES = {
    FIELDS.index(f) for f in ("birth_date", "passport_expiry", "marriage_date", "divorce_date")
}
DECIMALS = {FIELDS.index("latitude"), FIELDS.index("longitude")}


def _name(imp: PopulationImport) -> str:
    return f"{imp.file.name}.baris.json.gz"


def _out(value: object) -> object:
    return (
        value.isoformat()
        if isinstance(value, date)
        else str(value)
        if isinstance(value, Decimal)
        else value
    )


def _in(index: int, value: object) -> object:
    if value is None:
        return None
    if index in DATES:
        return date.fromisoformat(value)
    return Decimal(value) if index in DECIMALS else value


def rows_save(imp: PopulationImport, rows: list[Parsed]) -> None:
    data = [[r.number, r.family, r.address, r.area, [_out(v) for v in r.values]] for r in rows]
    storage, name = working_storage(), _name(imp)
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(gzip.compress(json.dumps(data).encode(), compresslevel=3)))


def rows_load(imp: PopulationImport) -> list[Parsed] | None:
    storage, name = working_storage(), _name(imp)
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as handle:
        data = json.loads(gzip.decompress(handle.read()))
    return [
        Parsed(
            number,
            tuple(_in(i, v) for i, v in enumerate(values)),
            family,
            address,
            tuple(area) if area else None,
        )
        for number, family, address, area, values in data
    ]


def rows_delete(imp: PopulationImport) -> None:
    if working_storage().exists(_name(imp)):
        working_storage().delete(_name(imp))
