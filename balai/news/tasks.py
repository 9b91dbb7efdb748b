"""Background work of the news module: image variants. (Scheduled stories are announced by
`manage.py publish_scheduled` from the worker host's timer.)"""

from __future__ import annotations

from django_tasks import task


@task()
def image_variants_task(image_id: int) -> None:
    from balai.news.images import image_make_variants

    image_make_variants(image_id=image_id)
