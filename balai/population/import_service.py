"""The register import: upload → dry run (a task, with progress) → report → confirm →
all-or-nothing write. Both steps plan from the same file, so what is written is exactly what
the admin read in the report; re-importing the same file finds nothing to change."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.lib.uploads import UploadError
from balai.population.import_reader import (
    COLUMNS,
    MAX_UPLOAD,
    ImportFileError,
    read_sheet,
    sniff_kind,
)
from balai.population.import_rows import FIELDS, Parsed, parse_row
from balai.population.models import Family, PopulationImport, Resident

MAX_REPORTED = 10_000
I = {name: i for i, name in enumerate(FIELDS)}  # noqa: E741 - index of a field in a row tuple
HEAD, CHILD = 1, 4


@dataclass
class Plan:
    rows: list[Parsed] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    new: list[Parsed] = field(default_factory=list)
    changed: list[tuple[Parsed, int]] = field(default_factory=list)
    unchanged: int = 0


def import_start(*, village, user, upload) -> PopulationImport:
    """Keep the upload privately and queue its dry run. Raises ImportFileError."""
    from balai.population.tasks import import_check_task

    if upload.size > MAX_UPLOAD:
        raise ImportFileError(
            _("Berkas terlalu besar. Batasnya 50 MB; bagi menjadi beberapa berkas.")
        )
    if upload.size == 0:
        raise ImportFileError(_("Berkas kosong. Pilih berkas lain."))
    upload.seek(0)
    kind = sniff_kind(upload.read(2048), upload.name)
    upload.seek(0)
    imp = PopulationImport(village=village, uploaded_by=user, kind=kind)
    try:  # private storage refuses what is not a spreadsheet, CSV or zip (markup as .csv)
        imp.file.save(f"impor.{kind}", upload, save=False)
    except UploadError as exc:
        raise ImportFileError(str(exc)) from exc
    imp.save()
    audit_record(
        actor=user, village=village, action="population.import_upload", target=f"impor {imp.pk}"
    )
    import_check_task.enqueue(imp.pk)  # the DB backend commits the task row with ours
    return imp


def _progress(imp: PopulationImport, done: int, total: int) -> None:
    percent = min(99, int(100 * done / total)) if total else 99
    PopulationImport.objects.filter(pk=imp.pk).update(progress=percent)


def _parse(imp: PopulationImport) -> Plan:
    plan = Plan()
    region_digits = imp.village.region.digits
    today = timezone.localdate()
    with imp.file.open("rb") as data:
        sheet = read_sheet(data, imp.kind)
        if sheet.merged:
            raise ImportFileError(
                _("Berkas berisi sel yang digabung (merge). Pisahkan semua sel lalu unggah lagi.")
            )
        for offset, cells in enumerate(sheet.rows):
            if not any(c not in (None, "") for c in cells):
                continue  # blank lines at the end of a sheet are not rows
            row = parse_row(
                offset + 2,
                dict(zip(COLUMNS, cells, strict=True)),
                region_digits=region_digits,
                today=today,
            )
            row.values = tuple(row.values[f] for f in FIELDS)
            plan.rows.append(row)
            plan.errors += [(row.number, c, r) for c, r in row.errors]
            plan.warnings += [(row.number, c, r) for c, r in row.warnings]
            if offset % 2000 == 0:
                _progress(imp, offset, sheet.count)
    if not plan.rows:
        raise ImportFileError(_("Berkas tidak berisi satu baris penduduk pun."))
    return plan


def _match_key(row_values: tuple, family: str, name: str) -> tuple:
    nik = row_values[I["nik"]]
    return (nik,) if nik != "0" else ("0", family, name.upper(), row_values[I["birth_date"]])


def _check_across(plan: Plan, village) -> None:
    """Duplicate NIKs, families without a head or with two, children older than parents."""
    seen: dict[str, int] = {}
    families: dict[str, list[Parsed]] = defaultdict(list)
    born: dict[str, object] = {}
    for row in plan.rows:
        nik = row.values[I["nik"]]
        if nik and nik != "0" and nik in seen:
            plan.errors.append(
                (row.number, "nik", _("NIK sama dengan baris %(n)s.") % {"n": seen[nik]})
            )
        seen.setdefault(nik, row.number)
        born[nik] = row.values[I["birth_date"]]
        if row.family:
            families[row.family].append(row)
    # Families whose living head is already registered and not in this file are headed.
    headed = {
        number
        for number, head_nik in Resident.objects.for_village(village)
        .filter(status=Resident.ALIVE, family_relation=HEAD)
        .values_list("family__number", "nik")
        if head_nik not in seen
    }
    for number, members in families.items():
        heads = [
            r
            for r in members
            if r.values[I["family_relation"]] == HEAD and r.values[I["status"]] == 1
        ]
        if not heads and number not in headed:
            plan.errors.append(
                (members[0].number, "kk_level", _("Keluarga ini tidak punya kepala keluarga."))
            )
        for extra in heads[1:]:
            plan.errors.append(
                (
                    extra.number,
                    "kk_level",
                    _("Keluarga ini sudah punya kepala keluarga di baris %(n)s.")
                    % {"n": heads[0].number},
                )
            )
        head_born = heads[0].values[I["birth_date"]] if heads else None
        for row in members:
            birth = row.values[I["birth_date"]]
            if (
                birth
                and head_born
                and row.values[I["family_relation"]] == CHILD
                and birth < head_born
            ):
                plan.errors.append(
                    (row.number, "tanggallahir", _("Anak lebih tua dari kepala keluarganya."))
                )
            for column in ("father_nik", "mother_nik"):
                parent_born = born.get(row.values[I[column]])
                if birth and parent_born and row.values[I[column]] and birth < parent_born:
                    label = "ayah_nik" if column == "father_nik" else "ibu_nik"
                    plan.errors.append((row.number, label, _("Lebih tua dari orang tuanya.")))


def _compare(plan: Plan, village) -> None:
    existing = {}
    for pk, family, dusun, rw, rt, name, *values in (
        Resident.objects.for_village(village)
        .values_list("pk", "family__number", "area__dusun", "area__rw", "area__rt", "name", *FIELDS)
        .iterator(chunk_size=5000)
    ):
        area = (dusun, rw, rt) if dusun else None
        existing[_match_key(tuple(values), family, name)] = (pk, (tuple(values), family, area))
    addresses = dict(Family.objects.for_village(village).values_list("number", "address"))
    for row in plan.rows:
        found = existing.get(_match_key(row.values, row.family, row.values[I["name"]]))
        if found is None:
            plan.new.append(row)
        elif (
            found[1] != (row.values, row.family, row.area)
            or addresses.get(row.family) != row.address
        ):
            plan.changed.append((row, found[0]))
        else:
            plan.unchanged += 1


def import_plan(imp: PopulationImport, *, reuse: bool = False) -> Plan:
    """Parse the file (or, on confirmation, reuse the dry run's rows) and check it."""
    from balai.population.import_cache import rows_load

    rows = rows_load(imp) if reuse else None
    plan = Plan(rows=rows) if rows is not None else _parse(imp)
    _check_across(plan, imp.village)
    if not plan.errors:
        _compare(plan, imp.village)
    plan.errors.sort()
    return plan


def _report(plan: Plan) -> dict:
    refused = {n for n, _c, _r in plan.errors}
    return {
        "rows": len(plan.rows),
        "added": len(plan.new),
        "updated": len(plan.changed),
        "unchanged": plan.unchanged,
        "refused": len(refused),
        "error_count": len(plan.errors),
        "errors": [list(e) for e in plan.errors[:MAX_REPORTED]],
        "warning_count": len(plan.warnings),
        "warnings": [list(w) for w in plan.warnings[:MAX_REPORTED]],
    }


def _finish(imp: PopulationImport, status: str, report: dict) -> None:
    imp.status, imp.report, imp.progress = status, report, 100
    imp.finished_at = timezone.now()
    imp.save(update_fields=["status", "report", "progress", "finished_at"])


def import_check(*, import_id: int) -> PopulationImport:
    """The dry run: nothing in the register changes."""
    imp = PopulationImport.objects.select_related("village__region").get(pk=import_id)
    imp.status = PopulationImport.Status.CHECKING
    imp.save(update_fields=["status"])
    try:
        plan = import_plan(imp)
    except ImportFileError as exc:
        _finish(imp, PopulationImport.Status.FAILED, {"file_error": str(exc)})
        return imp
    status = PopulationImport.Status.REFUSED if plan.errors else PopulationImport.Status.CHECKED
    if not plan.errors:
        from balai.population.import_cache import rows_save

        rows_save(imp, plan.rows)
    _finish(imp, status, _report(plan))
    return imp
