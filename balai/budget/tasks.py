"""Background work of the budget module: the import dry run."""

from __future__ import annotations

from django_tasks import task


@task()
def import_check(batch_id: int) -> None:
    from balai.budget.imports import import_batch_check
    from balai.budget.models import ImportBatch

    batch = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.PENDING).first()
    if batch is not None:
        import_batch_check(batch=batch)
