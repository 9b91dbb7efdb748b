"""Comparing a register file with the village's register, and the confirmed write: one
transaction writes every area, family and resident of the file, or nothing at all.

A resident is matched by NIK, or (NIK "0", no NIK yet) by family, name and birth date. Values
are compared as the file gives them (dates as yyyy-mm-dd text), so re-importing the same file
finds every row unchanged and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone

from balai.imports.registry import Changes
from balai.population.bulk import rows_insert
from balai.population.import_rows import DATE_FIELDS, DECIMAL_FIELDS, FIELDS, I, ResidentRow
from balai.population.models import Area, Family, Resident

HEAD = 1


@dataclass
class Plan:
    new: list[ResidentRow] = field(default_factory=list)
    changed: list[tuple[ResidentRow, int]] = field(default_factory=list)


def _key(values: list[Any] | tuple[Any, ...], family: str, name: str) -> tuple[Any, ...]:
    number = values[I["nik"]]
    return (number,) if number != "0" else ("0", family, name.upper(), values[I["birth_date"]])


def _as_file(values: tuple[Any, ...]) -> list[Any]:
    """Register values in the file's form: dates and decimals as text."""
    out = list(values)
    for i in DATE_FIELDS:
        if out[i] is not None:
            out[i] = out[i].isoformat()
    for i in DECIMAL_FIELDS:
        if out[i] is not None:
            out[i] = str(Decimal(out[i]).quantize(Decimal("0.000001")))
    return out


def compare(village: Any, rows: list[ResidentRow]) -> Changes:
    existing = {}
    for pk, family, dusun, rw, rt, *values in (
        Resident.objects.for_village(village)
        .values_list("pk", "family__number", "area__dusun", "area__rw", "area__rt", *FIELDS)
        .iterator(chunk_size=5000)
    ):
        area = (dusun, rw, rt) if dusun else None
        plain = _as_file(tuple(values))
        existing[_key(plain, family, plain[I["name"]])] = (pk, plain, family, area)
    addresses = dict(Family.objects.for_village(village).values_list("number", "address"))
    plan, same = Plan(), 0
    for row in rows:
        found = existing.get(_key(row.values, row.family, row.values[I["name"]]))
        if found is None:
            plan.new.append(row)
        elif (
            found[1:] != (row.values, row.family, row.area)
            or addresses.get(row.family) != row.address
        ):
            plan.changed.append((row, found[0]))
        else:
            same += 1
    return Changes(added=len(plan.new), updated=len(plan.changed), unchanged=same, detail=plan)


def _areas(village: Any, rows: list[ResidentRow]) -> dict[tuple[str, str, str], int]:
    wanted = {r.area for r in rows if r.area}
    known = {(a.dusun, a.rw, a.rt): a.pk for a in Area.objects.for_village(village)}
    Area.objects.bulk_create(
        [Area(village=village, dusun=d, rw=w, rt=t) for d, w, t in wanted - set(known)],
        batch_size=1000,
    )
    return {(a.dusun, a.rw, a.rt): a.pk for a in Area.objects.for_village(village)}


def _families(village: Any, rows: list[ResidentRow], areas: dict) -> dict[str, int]:
    # A family's address and RT are those of its head's row (or its first row).
    source: dict[str, ResidentRow] = {}
    for row in rows:
        if row.family not in source or row.values[I["family_relation"]] == HEAD:
            source[row.family] = row
    known = {f.number: f for f in Family.objects.for_village(village)}
    new, changed = [], []
    for number, row in source.items():
        area_id = areas.get(row.area) if row.area else None
        family = known.get(number)
        if family is None:
            new.append((village.pk, number, row.address, area_id))
        elif (family.address, family.area_id) != (row.address, area_id):
            family.address, family.area_id = row.address, area_id
            changed.append(family)
    rows_insert(Family, ["village_id", "number", "address", "area_id"], new)
    Family.objects.bulk_update(changed, ["address", "area"], batch_size=1000)
    return dict(Family.objects.for_village(village).values_list("number", "pk"))


def _insert_residents(village: Any, rows: list[ResidentRow], families: dict, areas: dict) -> None:
    """Raw INSERT (COPY on PostgreSQL): the values are already clean text, numbers or None,
    and 100,000 rows through bulk_create take too long."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    columns = [*FIELDS, "village_id", "family_id", "area_id", "created_at", "updated_at"]
    columns += ["phone", "email"]
    village_id = village.pk
    params = [
        (
            *row.values,
            village_id,
            families[row.family],
            areas.get(row.area) if row.area else None,
            now,
            now,
            "",
            "",
        )
        for row in rows
    ]
    rows_insert(Resident, columns, params)


def _resident(village: Any, row: ResidentRow, families: dict, areas: dict, pk: int) -> Resident:
    values = dict(zip(FIELDS, row.values, strict=True))
    for i in DATE_FIELDS:
        if values[FIELDS[i]]:
            values[FIELDS[i]] = date.fromisoformat(values[FIELDS[i]])
    for i in DECIMAL_FIELDS:
        if values[FIELDS[i]] is not None:
            values[FIELDS[i]] = Decimal(values[FIELDS[i]])
    return Resident(
        pk=pk,
        village=village,
        family_id=families[row.family],
        area_id=areas.get(row.area) if row.area else None,
        **values,
    )


def write(village: Any, rows: list[ResidentRow], changes: Changes) -> dict[str, int]:
    """Run inside the pipeline's transaction."""
    plan: Plan = changes.detail
    areas = _areas(village, rows)
    families = _families(village, rows, areas)
    _insert_residents(village, plan.new, families, areas)
    Resident.objects.bulk_update(
        [_resident(village, r, families, areas, pk) for r, pk in plan.changed],
        [*FIELDS, "family", "area"],
        batch_size=500,
    )
    return {"added": len(plan.new), "updated": len(plan.changed), "unchanged": changes.unchanged}
