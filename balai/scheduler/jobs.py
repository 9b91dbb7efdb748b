"""The periodic jobs: what used to be a systemd timer each (docs/deploy.md) is a line here.

A job's period is a fixed length of wall-clock time in the district's time zone, optionally
shifted (daily jobs at 02.00, the weekly digest on Monday 07.00). The period a moment falls in
has a key (the local start time, "2026-12-06T02:00"); a job is due when its lease holds an
older key. Keys of one job sort in time order as strings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# A Monday midnight: weekly periods start on Mondays (plus the job's offset).
ANCHOR = datetime(2024, 1, 1)
KEY_FORMAT = "%Y-%m-%dT%H:%M"
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)


class NotConfigured(Exception):
    """The job cannot run on this install until a setting is given (the message says which)."""


@dataclass(frozen=True)
class Job:
    name: str
    label: str | Promise
    every: timedelta
    run: Callable[[], None]
    offset: timedelta = timedelta(0)
    # None when the job can run; else why not (the setting to give), shown to district admins.
    not_configured: Callable[[], str | None] = field(default=lambda: None)

    def period_start(self, now: datetime) -> datetime:
        """The local (naive) start of the period `now` falls in."""
        local = timezone.localtime(now).replace(tzinfo=None)
        periods = (local - ANCHOR - self.offset) // self.every
        return ANCHOR + self.offset + periods * self.every

    def period_key(self, now: datetime) -> str:
        return self.period_start(now).strftime(KEY_FORMAT)

    @property
    def period_label(self) -> str:
        """When it runs, in words ("tiap 5 menit", "tiap hari 03.00", "tiap Senin 07.00"), from
        the period and the offset themselves, so the two never disagree."""
        if self.every < DAY:
            minutes = self.every // MINUTE
            if minutes % 60:
                if minutes == 1:
                    return gettext("tiap menit")
                return gettext("tiap %(n)d menit") % {"n": minutes}
            hours = minutes // 60
            return gettext("tiap jam") if hours == 1 else gettext("tiap %(n)d jam") % {"n": hours}
        at = (ANCHOR + self.offset % DAY).strftime("%H.%M")
        if self.every == DAY:
            return gettext("tiap hari %(at)s") % {"at": at}
        if self.every == WEEK:
            day = WEEKDAYS[(self.offset // DAY) % 7]  # ANCHOR is a Monday
            return gettext("tiap %(day)s %(at)s") % {"day": day, "at": at}
        return gettext("tiap %(n)d hari") % {"n": self.every // DAY}

    def next_due(self, now: datetime) -> datetime:
        """When the next period starts (aware)."""
        return timezone.make_aware(self.period_start(now) + self.every)


def _command(name: str, *args: str) -> Callable[[], None]:
    def run() -> None:
        call_command(name, *args, stdout=StringIO(), stderr=StringIO())

    run.__name__ = f"run_{name}"
    return run


def _housekeeping() -> None:
    from balai.scheduler.services import scheduler_history_trim, tasks_in_database

    if tasks_in_database():  # finished task results are rows only with django-tasks-db
        call_command("prune_db_task_results", stdout=StringIO(), stderr=StringIO())
    call_command("clearsessions", stdout=StringIO(), stderr=StringIO())
    scheduler_history_trim()


def backup_folder() -> str:
    return str(getattr(settings, "BACKUP_DIR", "") or "")


def _backup_not_configured() -> str | None:
    if backup_folder():
        return None
    return str(_("Isi BALAI_BACKUP_DIR dengan folder cadangan."))


def _backup() -> None:
    folder = backup_folder()
    if not folder:
        raise NotConfigured("BALAI_BACKUP_DIR kosong")
    call_command("district_backup", folder, stdout=StringIO(), stderr=StringIO())


def _worker_heartbeat() -> None:
    from balai.scheduler.services import worker_heartbeat_request

    worker_heartbeat_request()


JOBS: tuple[Job, ...] = (
    Job(
        "publish_scheduled",
        _("Terbitkan berita terjadwal"),
        MINUTE,
        _command("publish_scheduled"),
    ),
    Job(
        "worker_heartbeat",
        _("Tanda hidup pekerja tugas"),
        MINUTE,
        _worker_heartbeat,
    ),
    Job(
        "imports_reap",
        _("Bereskan impor yang terhenti"),
        5 * MINUTE,
        _command("imports_reap"),
    ),
    Job(
        "support_watch",
        _("Pantauan keamanan"),
        15 * MINUTE,
        _command("support_watch"),
    ),
    Job(
        "support_escalate",
        _("Teruskan permintaan bantuan yang belum dijawab"),
        HOUR,
        _command("support_escalate"),
    ),
    Job(
        "complaints_escalate",
        _("Teruskan pengaduan warga yang melewati batas"),
        HOUR,
        _command("complaints_escalate"),
    ),
    Job(
        "population_recount",
        _("Hitung ulang angka penduduk"),
        DAY,
        _command("population_recount"),
        offset=timedelta(hours=1),
    ),
    Job(
        "support_freshness",
        _("Skor kesegaran situs"),
        DAY,
        _command("support_freshness"),
        offset=timedelta(hours=3),
    ),
    Job(
        "purge_abandoned_letters",
        _("Hapus surat pendaftaran yang ditinggalkan"),
        DAY,
        _command("purge_abandoned_letters"),
        offset=timedelta(hours=3, minutes=30),
    ),
    Job(
        "housekeeping",
        _("Bersih-bersih: hasil tugas lama, sesi kedaluwarsa, riwayat jadwal"),
        DAY,
        _housekeeping,
        offset=timedelta(hours=4),
    ),
    Job(
        "support_freshness_digest",
        _("Email ringkasan kesegaran mingguan"),
        WEEK,
        _command("support_freshness_digest"),
        offset=timedelta(hours=7),
    ),
    Job(
        "district_backup",
        _("Cadangan kabupaten (basis data dan media)"),
        DAY,
        _backup,
        offset=timedelta(hours=2),
        not_configured=_backup_not_configured,
    ),
)


def job_by_name(name: str) -> Job:
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(name)
