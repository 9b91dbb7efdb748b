"""The two steps every import runs in the task worker: the check (a dry run that writes only
the report) and, once the admin confirms, the write (all or nothing, in one transaction).

Both plan from the same file (or, for big registers, from the rows the check kept), and the
write checks again against the village's data as it is then: what is written is exactly what
the admin read in the report. A file refused as a whole, or any error, leaves the job failed
with a message; the next task runs as usual.
"""

from __future__ import annotations

import gzip
import json
import logging
import marshal
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.imports import registry
from balai.imports.errors import ImportFileError, file_error
from balai.imports.isolation import ChildLimits, Source, read_isolated
from balai.imports.marked import Header, marked_write
from balai.imports.models import ImportJob
from balai.imports.problems import FileProblem
from balai.imports.registry import Changes, Context, Importer, Issues, row_label
from balai.imports.services import Tracker, worker_id
from balai.lib.storage import working_storage

logger = logging.getLogger(__name__)
REPORTED = 10_000  # issues kept in the job row; the download has them all
HELD_LISTED = 2_000  # held-back rows named in the job row; the held-back sheet has them all
MARKED, HELD = "bertanda.xlsx", "ditahan.xlsx"  # files the check writes beside the upload


class Reaped(Exception):
    """The job was failed by the reaper while this worker still ran it."""


@dataclass
class Plan:
    ctx: Context
    rows: list[Any]
    issues: Issues
    changes: Changes


def child_limits() -> ChildLimits:
    return ChildLimits(
        memory_mb=settings.IMPORT_MEMORY_LIMIT_MB,
        seconds=settings.IMPORT_TIME_LIMIT_SECONDS,
        max_cells=settings.IMPORT_MAX_CELLS,
        max_columns=settings.IMPORT_MAX_COLUMNS,
        chunk_cells=settings.IMPORT_CHUNK_CELLS,
    )


@contextmanager
def _local_copy(job: ImportJob) -> Iterator[str]:
    """A path the reader child can open: the stored file itself, or a temporary copy of it
    when storage is remote (S3)."""
    try:
        yield job.file.path
        return
    except NotImplementedError:
        pass
    directory = tempfile.mkdtemp(prefix="balai-unggah-")
    path = os.path.join(directory, f"berkas.{job.kind}")
    try:
        with job.file.open("rb") as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        yield path
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _read(job: ImportJob, spec: Importer[Any], tracker: Tracker) -> Source:
    with _local_copy(job) as path:
        try:
            return read_isolated(
                path, job.kind, sheets=spec.sheets, limits=child_limits(), waiting=tracker.beat
            )
        except FileProblem as problem:
            raise file_error(problem) from None


class Phases:
    """How long each step took, for the log (`balai.imports` at INFO)."""

    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []
        self.last = time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.times.append((name, now - self.last))
        self.last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.times)


def plan_job(
    job: ImportJob,
    spec: Importer[Any],
    tracker: Tracker,
    *,
    reuse: bool,
    phases: Phases,
    held: set[tuple[int, int]] | None = None,
    after: Callable[[Plan, Source], None] | None = None,
) -> Plan:
    """Read (or reuse) the rows, check them across, compare them with the village's data.
    `held`: the admin chose to import all but these rows (their problems were reported);
    `after`: called with the plan while the rows read from the file can still be read again."""
    ctx = spec.prepare(job)
    issues = Issues()
    rows = _rows_load(job, spec) if reuse and spec.cache_rows else None
    if rows is not None:
        ctx.extra["rows_read"] = len(rows)
        ctx.extra["reused"] = True  # these rows passed the file's own checks at the dry run
    elif spec.reader == "file":
        tracker.span(2, 85)
        with _local_copy(job) as path:
            rows = spec.parse(ctx, path, issues, tracker.set)
    else:
        tracker.span(2, 25)
        with _read(job, spec, tracker) as source:
            phases.done("read")
            tracker.span(25, 85)
            rows = spec.parse(ctx, source, issues, tracker.set)
            ctx.extra["reader_peak_mb"] = source.peak_mb
            plan = _plan_rest(ctx, spec, rows, issues, tracker, phases, held)
            if after is not None:
                after(plan, source)
            return plan
    return _plan_rest(ctx, spec, rows, issues, tracker, phases, held)


def _plan_rest(
    ctx: Context,
    spec: Importer[Any],
    rows: list[Any],
    issues: Issues,
    tracker: Tracker,
    phases: Phases,
    held: set[tuple[int, int]] | None,
) -> Plan:
    phases.done("rows")
    if held is not None:
        rows, issues = _without_held(spec, rows, issues, held)
    tracker.span(85, 95)
    spec.check_across(ctx, rows, issues)
    phases.done("across")
    changes = Changes() if issues.has_errors() else spec.compare(ctx, rows)
    phases.done("compare")
    return Plan(ctx, rows, issues, changes)


def _without_held(
    spec: Importer[Any], rows: list[Any], issues: Issues, held: set[tuple[int, int]]
) -> tuple[list[Any], Issues]:
    """The rows the admin chose to import. Their own problems were read in the report; a row
    refused now that was not held back (the file read again differs) refuses the write."""
    kept = [row for row in rows if spec.row_key(row) not in held]
    fresh = Issues()
    for sheet, number, name, column, reason in issues.errors:
        if (sheet, number) not in held:
            fresh.error((sheet, name, number), column, reason)
    return kept, fresh


def partial_plan(plan: Plan, spec: Importer[Any]) -> tuple[set[tuple[int, int]], Plan] | None:
    """What importing the good groups only would do: the rows held back and the plan of the
    others, checked across again on their own. None when nothing could be imported."""
    held = spec.held_back(plan.ctx, plan.rows, plan.issues)
    for _round in range(3):
        kept = [row for row in plan.rows if spec.row_key(row) not in held]
        if not kept:
            return None
        issues = Issues()
        spec.check_across(plan.ctx, kept, issues)
        if not issues.has_errors():
            return held, Plan(plan.ctx, kept, issues, spec.compare(plan.ctx, kept))
        # By construction a group does not need a held row to be consistent; should a check
        # find otherwise, its groups are held back too.
        held |= spec.held_back(plan.ctx, kept, issues)
    return None


def _report(plan: Plan, spec: Importer[Any]) -> dict[str, Any]:
    issues = plan.issues
    read = int(plan.ctx.extra.get("rows_read", len(plan.rows)))
    refused = len({r for r in issues.refused if r[1]})
    report: dict[str, Any] = {
        "rows": read,
        "refused": refused,
        "good": max(read - refused, 0),
        "error_count": issues.error_count,
        "errors": Issues.rows(issues.errors)[:REPORTED],
        "warning_count": issues.warning_count,
        "warnings": Issues.rows(issues.warnings)[:REPORTED],
        "notes": spec.notes(),
    }
    if not issues.has_errors():
        report["changes"] = plan.changes.counts()
        report["summary"] = spec.summary(plan.ctx, plan.rows, plan.changes)
    return report


def _side_name(job: ImportJob, suffix: str) -> str:
    return f"{job.file.name}.{suffix}.json.gz"


def _save_json(job: ImportJob, suffix: str, data: Any) -> None:
    from django.core.files.base import ContentFile

    storage, name = working_storage(), _side_name(job, suffix)
    if storage.exists(name):
        storage.delete(name)
    blob = gzip.compress(json.dumps(data, separators=(",", ":")).encode(), compresslevel=1)
    storage.save(name, ContentFile(blob))


def _load_json(job: ImportJob, suffix: str) -> Any:
    storage, name = working_storage(), _side_name(job, suffix)
    if not job.file.name or not storage.exists(name):
        return None
    with storage.open(name, "rb") as handle:
        return json.loads(gzip.decompress(handle.read()))


def _rows_name(job: ImportJob) -> str:
    return f"{job.file.name}.baris.marshal"


def _rows_save(job: ImportJob, spec: Importer[Any], rows: list[Any]) -> None:
    """The checked rows beside the upload, so the write does not read the file again (half
    the time of a big register). marshal, not pickle: loading it runs no code; a blob an older
    Python wrote and this one cannot load is a miss, and the file is read again. Not
    compressed: it lives minutes, and compressing costs more than writing 25 MB."""
    from django.core.files.base import ContentFile

    storage, name = working_storage(), _rows_name(job)
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(marshal.dumps(spec.dump_rows(rows))))


def _rows_load(job: ImportJob, spec: Importer[Any]) -> list[Any] | None:
    storage, name = working_storage(), _rows_name(job)
    if not job.file.name or not storage.exists(name):
        return None
    with storage.open(name, "rb") as handle:
        try:
            data = marshal.loads(handle.read())
        except (ValueError, EOFError, TypeError, OSError):
            return None
    return spec.load_rows(data)


def issues_load(job: ImportJob) -> dict[str, Any]:
    """Every error and warning of a job (the report in the job row keeps the first ones)."""
    data = _load_json(job, "laporan")
    if data is None:
        return {"errors": job.report.get("errors", []), "warnings": job.report.get("warnings", [])}
    return dict(data)


def _claim(job_id: int, status: str, then: str) -> ImportJob | None:
    """Take the job for this worker; None when another run already has it (idempotent)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=status, worker="").update(
        status=then, worker=worker_id(), heartbeat_at=timezone.now()
    )
    if not claimed:
        return None
    return ImportJob.objects.select_related("village__region", "uploaded_by").get(pk=job_id)


def _finish(job: ImportJob, status: str, **fields: Any) -> bool:
    """Record the outcome unless the reaper failed the job meanwhile."""
    now = timezone.now()
    if status in (ImportJob.Status.CHECKED, ImportJob.Status.REFUSED):
        fields.setdefault("checked_at", now)
    if status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        fields.setdefault("finished_at", now)
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=job.status, worker=job.worker).update(
            status=status, progress=100, worker="", heartbeat_at=now, **fields
        )
    )


def _failure(exc: BaseException) -> str:
    if isinstance(exc, ImportFileError):
        return str(exc)
    return _(
        "Terjadi kesalahan saat memproses berkas ini. Tidak ada yang berubah. Coba lagi; bila "
        "terulang, hubungi admin kabupaten."
    )


def job_check(*, job_id: int) -> None:
    """The dry run: the report, nothing else changes."""
    job = _claim(job_id, ImportJob.Status.QUEUED, ImportJob.Status.CHECKING)
    if job is None:
        return
    tracker = Tracker(job)
    spec = registry.importer(job.importer)
    phases = Phases()
    extra: dict[str, Any] = {}

    def after(plan: Plan, source: Source) -> None:
        extra.update(_after_check(job, spec, plan, source, tracker))
        phases.done("marked")

    try:
        plan = plan_job(job, spec, tracker, reuse=False, phases=phases, after=after)
        report = {**_report(plan, spec), **extra}
        if plan.issues.error_count > REPORTED or plan.issues.warning_count > REPORTED:
            _save_json(job, "laporan", _full_issues(plan))
        if spec.cache_rows and (not plan.issues.has_errors() or "partial" in report):
            _rows_save(job, spec, plan.rows)
        phases.done("report")
    except Exception as exc:
        if not isinstance(exc, ImportFileError):
            logger.exception("import %s: check failed", job_id)
        _finish(job, ImportJob.Status.FAILED, failure=_failure(exc), report={})
        return
    status = ImportJob.Status.REFUSED if plan.issues.has_errors() else ImportJob.Status.CHECKED
    _finish(job, status, report=report)
    logger.info("import %s checked (%s): %s", job_id, status, phases)


def _after_check(
    job: ImportJob, spec: Importer[Any], plan: Plan, source: Source, tracker: Tracker
) -> dict[str, Any]:
    """The choice to import the good groups only (when the importer offers it) and the marked
    copy of the file (when anything was found): the parts of the report they add."""
    issues = plan.issues
    added: dict[str, Any] = {}
    held: set[tuple[int, int]] | None = None
    if issues.has_errors() and spec.partial:
        partial = partial_plan(plan, spec)
        if partial is not None:
            held, good = partial
            added["partial"] = {
                "rows": len(good.rows),
                "groups": spec.group_count(good.rows),
                "held_rows": len(held),
                "held_groups": spec.group_count([r for r in plan.rows if spec.row_key(r) in held]),
                "held": [row_label(spec.row_ref(r)) for r in plan.rows if spec.row_key(r) in held][
                    :HELD_LISTED
                ],
                "changes": good.changes.counts(),
            }
            _save_json(job, "tahan", sorted(held))
    if not (issues.error_count or issues.warning_count):
        return added
    tracker.span(95, 99)
    source.rewind()
    with tempfile.TemporaryDirectory(prefix="balai-tanda-") as directory:
        path = os.path.join(directory, "bertanda.xlsx")
        held_path = os.path.join(directory, "ditahan.xlsx") if held else ""
        marked_write(
            source,
            issues,
            _headers(spec),
            path=path,
            figures=_figures(plan),
            held=held,
            held_path=held_path,
        )
        _save_file(job, MARKED, path)
        if held_path:
            _save_file(job, HELD, held_path)
    added["marked"] = True
    return added


def _headers(spec: Importer[Any]) -> dict[int, Header]:
    names = spec.columns.names if spec.columns else ()
    return {
        sheet: Header(
            row=number,
            positions={n: p for n, p in zip(names, index, strict=True) if p is not None},
        )
        for sheet, (number, index) in spec.located.items()
    }


def _figures(plan: Plan) -> list[tuple[str, Any]]:
    issues = plan.issues
    read = int(plan.ctx.extra.get("rows_read", len(plan.rows)))
    return [
        (_("Baris dibaca"), read),
        (_("Baris salah"), len({r for r in issues.refused if r[1]})),
        (_("Kesalahan"), issues.error_count),
        (_("Peringatan"), issues.warning_count),
    ]


def _file_name(job: ImportJob, suffix: str) -> str:
    return f"{job.file.name}.{suffix}"


def _save_file(job: ImportJob, suffix: str, path: str) -> None:
    from django.core.files import File

    storage, name = working_storage(), _file_name(job, suffix)
    if storage.exists(name):
        storage.delete(name)
    with open(path, "rb") as handle:
        storage.save(name, File(handle))


def side_file(job: ImportJob, suffix: str) -> Any:
    """An open handle on a file the check wrote beside the upload (MARKED, HELD), or None."""
    storage, name = working_storage(), _file_name(job, suffix)
    if not job.file.name or not storage.exists(name):
        return None
    return storage.open(name, "rb")


def held_load(job: ImportJob) -> set[tuple[int, int]] | None:
    data = _load_json(job, "tahan")
    return None if data is None else {(int(s), int(n)) for s, n in data}


def _full_issues(plan: Plan) -> dict[str, Any]:
    return {
        "errors": Issues.rows(plan.issues.errors),
        "warnings": Issues.rows(plan.issues.warnings),
    }


def job_apply(*, job_id: int) -> None:
    """The confirmed write: everything in one transaction, or nothing."""
    job = _claim(job_id, ImportJob.Status.IMPORTING, ImportJob.Status.IMPORTING)
    if job is None:
        return
    tracker = Tracker(job)
    spec = registry.importer(job.importer)
    phases = Phases()
    try:
        held = held_load(job) if job.report.get("partial", {}).get("confirmed") else None
        if held is None and job.report.get("partial", {}).get("confirmed"):
            raise ImportFileError(_("Daftar baris yang ditahan hilang. Unggah berkas lagi."))
        plan = plan_job(job, spec, tracker, reuse=True, phases=phases, held=held)
        if plan.issues.has_errors():
            # The village's data changed since the check: refuse again, write nothing.
            report = {**_report(plan, spec), "changed_since_check": True}
            _finish(job, ImportJob.Status.REFUSED, report=report)
            return
        tracker.span(95, 99)
        tracker.write(95)
        with transaction.atomic():
            written = spec.write(plan.ctx, plan.rows, plan.changes)
            report = {**job.report, "written": written}
            if held is not None:  # the report was of the whole file
                report["changes"] = plan.changes.counts()
            if not _finish(job, ImportJob.Status.DONE, report=report):
                raise Reaped
        phases.done("write")
    except Reaped:
        logger.warning("import %s: failed by the reaper while writing; rolled back", job_id)
        return
    except Exception as exc:
        if not isinstance(exc, ImportFileError):
            logger.exception("import %s: write failed", job_id)
        _finish(job, ImportJob.Status.FAILED, failure=_failure(exc))
        return
    spec.after_write(plan.ctx)
    _discard_upload(job)
    logger.info("import %s written: %s", job_id, phases)


def _discard_upload(job: ImportJob) -> None:
    """The register now holds the data: the uploaded copy and the kept rows go."""
    rows = _rows_name(job)
    if working_storage().exists(rows):
        working_storage().delete(rows)
    if job.file.name and job.file.storage.exists(job.file.name):
        job.file.storage.delete(job.file.name)
