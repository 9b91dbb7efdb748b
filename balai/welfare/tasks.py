"""Background work: import dry runs and writes. Figures are recounted at once (figures.py)."""

from __future__ import annotations

from django_tasks import task


@task()
def import_check_task(import_id: int) -> None:
    from balai.welfare.import_service import import_check

    import_check(import_id=import_id)


@task()
def import_apply_task(import_id: int) -> None:
    from balai.welfare.import_service import import_apply

    import_apply(import_id=import_id)
