"""Background work of the news module: image variants and scheduled publishing."""

from __future__ import annotations

from django_tasks import task


@task()
def image_variants_task(image_id: int) -> None:
    from balai.news.images import image_make_variants

    image_make_variants(image_id=image_id)


@task()
def publish_scheduled_task() -> int:
    from balai.news.services import articles_publish_due

    return articles_publish_due()
