"""The scheduler's rows: one lease per periodic job, the history of its runs, and the heartbeats
of the processes an uptime monitor asks about (/healthz)."""

from __future__ import annotations

from django.db import models


class JobLease(models.Model):
    """Which period of a job was last claimed. A scheduler runs a job only after moving
    `period_key` forward with one conditional UPDATE, so of several schedulers (hosts) exactly
    one wins each period."""

    name = models.CharField(max_length=64, primary_key=True)
    period_key = models.CharField(max_length=32, default="")
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=128, blank=True, default="")

    def __str__(self) -> str:
        return f"{self.name} @ {self.period_key}"


class JobRun(models.Model):
    class Outcome(models.TextChoices):
        RUNNING = "running", "berjalan"
        OK = "ok", "berhasil"
        FAILED = "failed", "gagal"

    job = models.CharField(max_length=64)
    period_key = models.CharField(max_length=32)
    host = models.CharField(max_length=128, blank=True, default="")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices, default=Outcome.RUNNING)
    # The exception's type and a short, redacted message: never a traceback with row values.
    error = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["job", "-started_at"], name="scheduler_run_job_started"),
            models.Index(fields=["outcome", "-started_at"], name="scheduler_run_outcome"),
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.period_key} {self.outcome}"

    @property
    def is_ok(self) -> bool:
        return self.outcome == self.Outcome.OK

    @property
    def is_failed(self) -> bool:
        return self.outcome == self.Outcome.FAILED


class Heartbeat(models.Model):
    """The last sign of life of a process of one kind on one host ("scheduler", "worker")."""

    kind = models.CharField(max_length=16)
    host = models.CharField(max_length=128)
    pid = models.PositiveIntegerField(default=0)
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "host"], name="scheduler_heartbeat_kind_host")
        ]

    def __str__(self) -> str:
        return f"{self.kind}@{self.host}"

    @property
    def is_scheduler(self) -> bool:
        return self.kind == "scheduler"
