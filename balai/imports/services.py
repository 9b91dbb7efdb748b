"""Starting, confirming and watching import jobs: the upload handed over by a domain page, the
admin's confirmation, the progress and heartbeat a running job writes, and the reaper that
fails a job whose worker died (killed, out of memory, machine restarted) instead of leaving it
"being checked" forever.

A job records which process works on it (`host:pid:start`). The reaper fails a running job
when that process is gone from this machine, or, seen from another machine, when its heartbeat
is older than IMPORT_STALE_SECONDS. It runs when a job page is polled, when a worker takes a
task (balai.imports.signals) and from `manage.py imports_reap` (for a scheduler).
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import time
from datetime import timedelta
from functools import cache
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.imports import registry
from balai.imports.containers import Limits, sniff
from balai.imports.errors import ImportFileError, file_error
from balai.imports.models import ImportJob
from balai.imports.problems import FileProblem
from balai.lib.storage import working_storage
from balai.lib.uploads import UploadError

logger = logging.getLogger(__name__)
KIND_NAMES = {
    "xlsx": ".xlsx",
    "xls": ".xls",
    "ods": ".ods",
    "csv": ".csv",
    "zip": ".zip",
    "sql": ".sql",
    "gz": ".sql.gz",
    "wxr": ".xml (WordPress)",
}


def container_limits(max_bytes: int) -> Limits:
    return Limits(
        max_bytes=max_bytes,
        max_unpacked=settings.IMPORT_MAX_UNPACKED_MB * 1024 * 1024,
        max_entries=settings.IMPORT_MAX_ZIP_ENTRIES,
    )


def job_start(
    *,
    village: Any,
    user: Any,
    importer: str,
    upload: UploadedFile,
    params: dict[str, Any] | None = None,
) -> ImportJob:
    """Keep the upload privately (random name, extension of the type its bytes show) and queue
    its check. Raises ImportFileError when the file is refused by its bytes alone."""
    from balai.audit.services import audit_record
    from balai.imports.tasks import import_check_task

    spec = registry.importer(importer)
    try:
        kind = sniff(upload, container_limits(spec.max_bytes))
    except FileProblem as problem:
        raise file_error(problem) from None
    if kind not in spec.kinds:
        accepted = ", ".join(KIND_NAMES[k] for k in sorted(spec.kinds))
        raise file_error(FileProblem("kind", kind=KIND_NAMES[kind], kinds=accepted))
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    job = ImportJob(
        village=village,
        importer=importer,
        params=params or {},
        kind=kind,
        size=upload.size or 0,
        sha256=digest.hexdigest(),
        original_name=(upload.name or "")[:200],
        uploaded_by=user,
        heartbeat_at=timezone.now(),
    )
    try:  # private storage checks the bytes again as it saves (lib/storage.py)
        job.file.save(f"impor.{kind}", upload, save=False)
    except UploadError as exc:
        raise ImportFileError(str(exc)) from exc
    job.save()
    audit_record(
        actor=user,
        village=village,
        action=f"{spec.domain}.import_upload",
        target=_("impor %(n)s") % {"n": job.pk},
    )
    import_check_task.enqueue(job.pk)  # the database backend commits the task row with ours
    return job


def job_confirm(*, job: ImportJob) -> bool:
    """The admin approves a checked job: queue its write. False when it is not checked."""
    from balai.imports.tasks import import_apply_task

    started = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.CHECKED).update(
        status=ImportJob.Status.IMPORTING, progress=0, worker="", heartbeat_at=timezone.now()
    )
    if started:
        import_apply_task.enqueue(job.pk)
    return bool(started)


def job_confirm_partial(*, job: ImportJob) -> bool:
    """The admin chooses to import the groups without a refused row and hold back the rest:
    queue that write. False when the refused job offers no such choice."""
    from balai.imports.tasks import import_apply_task

    partial = job.report.get("partial")
    if job.status != ImportJob.Status.REFUSED or not partial:
        return False
    report = {**job.report, "partial": {**partial, "confirmed": True}}
    started = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.REFUSED).update(
        status=ImportJob.Status.IMPORTING,
        progress=0,
        worker="",
        heartbeat_at=timezone.now(),
        report=report,
    )
    if started:
        import_apply_task.enqueue(job.pk)
    return bool(started)


# --- who works on a job ------------------------------------------------------------------------


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), to tell it from a later
    process that reused its id; "" elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


@cache
def worker_id() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_time(pid)}"


def worker_alive(worker: str) -> bool | None:
    """True or False for a process on this machine; None when it runs elsewhere (or is not
    recorded), and only the heartbeat can tell."""
    host, _sep, rest = worker.partition(":")
    pid, _sep, start = rest.partition(":")
    if not pid.isdigit() or host != socket.gethostname():
        return None
    if worker == worker_id():
        return True
    current = _start_time(int(pid))
    if not current:
        return os.path.exists(f"/proc/{pid}") if os.path.exists("/proc") else None
    return current == start


class Tracker:
    """Progress and heartbeat of a running job, written at most every half second (outside a
    transaction, so the job page sees them at once)."""

    def __init__(self, job: ImportJob, low: int = 0, high: int = 99) -> None:
        self.job_id = job.pk
        self.low, self.high = low, high
        self.written = 0.0
        self.percent = -1

    def span(self, low: int, high: int) -> Tracker:
        self.low, self.high = low, high
        self.set(0, 1)
        return self

    def set(self, done: int, total: int) -> None:
        share = min(max(done / total, 0.0), 1.0) if total else 0.0
        percent = self.low + int((self.high - self.low) * share)
        now = time.monotonic()
        if percent != self.percent and now - self.written >= 0.5:
            self.write(percent)

    def beat(self) -> None:
        if time.monotonic() - self.written >= 1.0:
            self.write(max(self.percent, self.low))

    def write(self, percent: int) -> None:
        self.written, self.percent = time.monotonic(), percent
        ImportJob.objects.filter(pk=self.job_id).update(
            progress=percent, heartbeat_at=timezone.now()
        )


# --- the reaper --------------------------------------------------------------------------------


def _reaped_message(job: ImportJob) -> str:
    if job.status == ImportJob.Status.IMPORTING:
        return _(
            "Impor berhenti di tengah jalan karena proses pengerjanya mati. Tidak ada yang "
            "tersimpan: impor ditulis dalam satu transaksi. Unggah berkas lagi untuk mencoba ulang."
        )
    return _(
        "Pemeriksaan berhenti di tengah jalan karena proses pengerjanya mati. Tidak ada yang "
        "berubah. Unggah berkas lagi untuk mencoba ulang."
    )


def job_is_dead(job: ImportJob, now: Any = None) -> bool:
    """A job being checked or written whose worker is gone."""
    if job.status not in (ImportJob.Status.CHECKING, ImportJob.Status.IMPORTING):
        return False
    if not job.worker:
        return False  # queued for a worker that has not taken it yet
    alive = worker_alive(job.worker)
    if alive is not None:
        return not alive
    now = now or timezone.now()
    stale = timedelta(seconds=settings.IMPORT_STALE_SECONDS)
    return job.heartbeat_at is None or job.heartbeat_at < now - stale


def jobs_reap(*, village: Any = None, job: ImportJob | None = None) -> int:
    """Fail the running jobs whose worker died; the number failed."""
    running = ImportJob.objects.filter(
        status__in=(ImportJob.Status.CHECKING, ImportJob.Status.IMPORTING)
    ).exclude(worker="")
    if village is not None:
        running = running.filter(village=village)
    if job is not None:
        running = running.filter(pk=job.pk)
    reaped = 0
    now = timezone.now()
    for candidate in running.only("pk", "status", "worker", "heartbeat_at"):
        if not job_is_dead(candidate, now):
            continue
        try:
            reaped += ImportJob.objects.filter(
                Q(pk=candidate.pk), status=candidate.status, worker=candidate.worker
            ).update(
                status=ImportJob.Status.FAILED,
                failure=_reaped_message(candidate),
                finished_at=now,
                worker="",
            )
        except DatabaseError:  # SQLite busy with the writer we judged dead: next time
            logger.warning("import job %s: could not mark as failed yet", candidate.pk)
    if reaped:
        logger.warning("imports: %s job(s) failed after their worker died", reaped)
    return reaped


def jobs_purge(*, days: int) -> int:
    """Delete the uploads (and the rows and reports kept beside them) of jobs that finished
    more than `days` ago: personal data is not kept longer than needed. The job and its
    report stay. Returns the number of jobs whose files went."""
    cutoff = timezone.now() - timedelta(days=days)
    old = (
        ImportJob.objects.exclude(status__in=ImportJob.RUNNING)
        .exclude(file="")
        .filter(created_at__lt=cutoff)
    )
    purged = 0
    working = working_storage()
    for job in old.iterator():
        name = job.file.name or ""
        if job.file.storage.exists(name):
            job.file.storage.delete(name)
        for suffix in (
            ".baris.marshal",
            ".laporan.json.gz",
            ".tahan.json.gz",
            ".bertanda.xlsx",
            ".ditahan.xlsx",
        ):
            if working.exists(name + suffix):
                working.delete(name + suffix)
        # A second upload of the same job (the move's zip of the desa/ folder).
        extra = (job.params or {}).get("uploads")
        if extra and job.file.storage.exists(extra):
            job.file.storage.delete(extra)
        ImportJob.objects.filter(pk=job.pk).update(file="")
        purged += 1
    return purged
