"""Background work of the backups app. Each task takes IDs and calls a service."""

from __future__ import annotations

from django_tasks import task


@task()
def village_export_build(export_id: int) -> int:
    from balai.backups.services import village_export_run

    return village_export_run(export_id=export_id)
