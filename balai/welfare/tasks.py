"""Background work: import dry runs and writes, recounting the public figures."""

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


@task()
def figures_task(village_id: int) -> None:
    from balai.villages.models import Village
    from balai.welfare.figures import figures_recompute

    figures_recompute(village=Village.objects.get(pk=village_id))
