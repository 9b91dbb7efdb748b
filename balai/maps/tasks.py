"""The district's boundary load, as a task (it may take a minute for a few hundred desa)."""

from __future__ import annotations

from django_tasks import task


@task()
def boundary_load_task(load_id: int) -> None:
    from balai.maps.services import bulk_load_run

    bulk_load_run(load_id=load_id)
