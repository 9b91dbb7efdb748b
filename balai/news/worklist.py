"""Comments and residents' stories waiting for moderation, on a mentor's landing page: one
count per village that has some (each village has its own queue)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.news.moderation import moderation_counts
from balai.villages.models import Village
from balai.villages.worklist import MENTOR, WorkCount, WorkScope


def moderation_work(scope: WorkScope) -> list[WorkCount]:
    if scope.audience != MENTOR or not scope.village_ids:
        return []
    counts = moderation_counts(list(scope.village_ids))
    if not counts:
        return []
    villages = Village.objects.filter(pk__in=counts).select_related("region")
    items = []
    for village in villages:
        c = counts[village.pk]
        comments = reverse("news_dashboard:comments", kwargs={"slug": village.slug})
        stories = reverse("news_dashboard:submissions", kwargs={"slug": village.slug})
        if c.get("comments"):
            items.append(
                WorkCount(
                    "comments",
                    _("komentar menunggu moderasi"),
                    c["comments"],
                    comments,
                    overdue=c["comments_late"],
                    overdue_href=comments,
                    village=village.display_name,
                    order=40,
                )
            )
        if c.get("submissions"):
            items.append(
                WorkCount(
                    "submissions",
                    _("kiriman warga menunggu"),
                    c["submissions"],
                    stories,
                    overdue=c["submissions_late"],
                    overdue_href=stories,
                    village=village.display_name,
                    order=41,
                )
            )
    return items
