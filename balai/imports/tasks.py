"""The task pair of every import: check (dry run) and apply (the confirmed write). Both take
the job id, are idempotent (a job already taken or finished is left alone) and call the
pipeline."""

from __future__ import annotations

from django_tasks import task


@task()
def import_check_task(job_id: int) -> None:
    from balai.imports.pipeline import job_check

    job_check(job_id=job_id)


@task()
def import_apply_task(job_id: int) -> None:
    from balai.imports.pipeline import job_apply

    job_apply(job_id=job_id)
