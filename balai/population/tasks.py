"""Background work of the register: recounting the figures (imports run on the pipeline's
tasks, balai.imports.tasks)."""

from __future__ import annotations

from django_tasks import task


@task()
def figures_task(village_id: int) -> None:
    from balai.population.figures import figures_recompute
    from balai.villages.models import Village

    figures_recompute(village=Village.objects.get(pk=village_id))
