"""The confirmed import: one transaction writes every area, family and resident of the file,
or nothing at all."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.population.bulk import rows_insert
from balai.population.import_cache import rows_delete
from balai.population.import_reader import ImportFileError
from balai.population.import_rows import FIELDS, Parsed
from balai.population.import_service import HEAD, I, Plan, _finish, _report, import_plan
from balai.population.models import Area, Family, PopulationImport, Resident


def _areas(village, plan: Plan) -> dict[tuple, int]:
    wanted = {r.area for r in plan.rows if r.area}
    known = {(a.dusun, a.rw, a.rt): a.pk for a in Area.objects.for_village(village)}
    Area.objects.bulk_create(
        [Area(village=village, dusun=d, rw=w, rt=t) for d, w, t in wanted - set(known)],
        batch_size=1000,
    )
    return {(a.dusun, a.rw, a.rt): a.pk for a in Area.objects.for_village(village)}


def _families(village, plan: Plan, areas: dict) -> dict[str, int]:
    # A family's address and RT are those of its head's row (or its first row).
    source: dict[str, Parsed] = {}
    for row in plan.rows:
        if row.family not in source or row.values[I["family_relation"]] == HEAD:
            source[row.family] = row
    known = {f.number: f for f in Family.objects.for_village(village)}
    new, changed = [], []
    for number, row in source.items():
        area_id = areas.get(row.area) if row.area else None
        family = known.get(number)
        if family is None:
            new.append(Family(village=village, number=number, address=row.address, area_id=area_id))
        elif (family.address, family.area_id) != (row.address, area_id):
            family.address, family.area_id = row.address, area_id
            changed.append(family)
    Family.objects.bulk_create(new, batch_size=5000)
    Family.objects.bulk_update(changed, ["address", "area"], batch_size=1000)
    return dict(Family.objects.for_village(village).values_list("number", "pk"))


def _resident(village, row: Parsed, families: dict, areas: dict, pk: int | None = None) -> Resident:
    values = dict(zip(FIELDS, row.values, strict=True))
    return Resident(
        pk=pk,
        village=village,
        family_id=families[row.family],
        area_id=areas.get(row.area) if row.area else None,
        **values,
    )


def _insert_residents(village, rows: list[Parsed], families: dict, areas: dict) -> None:
    """Raw INSERT (COPY on PostgreSQL): the values here are already clean
    str/int/date/Decimal/None, and 100,000 rows through bulk_create take too long."""
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    adapt_date, adapt_decimal = ops.adapt_datefield_value, ops.adapt_decimalfield_value
    dates = {I[f] for f in ("birth_date", "passport_expiry", "marriage_date", "divorce_date")}
    decimals = {I["latitude"], I["longitude"]}
    columns = [
        *FIELDS,
        "village_id",
        "family_id",
        "area_id",
        "created_at",
        "updated_at",
        "phone",
        "email",
    ]
    params = []
    for row in rows:
        values = [
            adapt_date(v) if i in dates else adapt_decimal(v, 9, 6) if i in decimals else v
            for i, v in enumerate(row.values)
        ]
        area = areas.get(row.area) if row.area else None
        params.append((*values, village.pk, families[row.family], area, now, now, "", ""))
    rows_insert(Resident, columns, params)


def import_apply(*, import_id: int) -> PopulationImport:
    """Write a checked import. A file that no longer passes is refused again, untouched."""
    imp = PopulationImport.objects.select_related("village__region", "uploaded_by").get(
        pk=import_id
    )
    village = imp.village
    try:
        plan = import_plan(imp, reuse=True)
    except ImportFileError as exc:
        _finish(imp, PopulationImport.Status.FAILED, {"file_error": str(exc)})
        return imp
    if plan.errors:
        _finish(imp, PopulationImport.Status.REFUSED, _report(plan))
        return imp
    with transaction.atomic():
        areas = _areas(village, plan)
        families = _families(village, plan, areas)
        _insert_residents(village, plan.new, families, areas)
        Resident.objects.bulk_update(
            [_resident(village, r, families, areas, pk) for r, pk in plan.changed],
            [*FIELDS, "family", "area"],
            batch_size=500,
        )
        # The dry run's warnings stay in the report; the counts are those of this write.
        counts = {k: v for k, v in _report(plan).items() if k in ("added", "updated", "unchanged")}
        report = {**imp.report, **counts, "written": True}
        _finish(imp, PopulationImport.Status.DONE, report)
        audit_record(
            actor=imp.uploaded_by,
            village=village,
            action="population.import",
            target=_("impor %(n)s") % {"n": imp.pk},
            added=len(plan.new),
            updated=len(plan.changed),
        )
    from balai.population.tasks import figures_task

    rows_delete(imp)
    figures_task.enqueue(village.pk)  # the DB backend commits the task row with ours
    return imp
