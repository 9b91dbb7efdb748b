"""The moderation queues of the village dashboard: residents' stories and comments waiting for
a decision, the one waiting longest first, flagged when past MODERATION_DAYS.

No law sets this clock. Two days is the promise of the comment and story forms' confirmation
("ditinjau admin desa"): a resident who hears nothing after a weekend gives up, so an item
waiting longer is shown as overdue and counted on the mentor's landing page.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, QuerySet, When
from django.utils import timezone

from balai.news.models import Comment, Submission
from balai.villages.models import Village

MODERATION_DAYS = 2


def moderation_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=MODERATION_DAYS)


def submission_queue(
    village: Village, *, now: datetime | None = None, limit: int = 100
) -> list[Submission]:
    """New stories first, oldest first; then published and declined ones, newest first."""
    new = Submission.Status.NEW
    rows = (
        Submission.objects.for_village(village)
        .annotate(
            rank=Case(When(status=new, then=0), default=1, output_field=IntegerField()),
            is_overdue=Case(
                When(status=new, created_at__lte=moderation_cutoff(now), then=True),
                default=False,
                output_field=BooleanField(),
            ),
            new_at=Case(When(status=new, then=F("created_at"))),
        )
        .order_by("rank", F("new_at").asc(nulls_last=True), "-created_at", "-id")
    )
    return list(rows[:limit])


def comment_queue(
    village: Village, status: str, *, now: datetime | None = None, limit: int = 100
) -> list[Comment]:
    """Comments of one status: the waiting ones oldest first, the decided ones newest first."""
    rows: QuerySet[Comment] = (
        Comment.objects.for_village(village).filter(status=status).select_related("article")
    )
    if status != Comment.Status.PENDING:
        return list(rows.order_by("-created_at", "-id")[:limit])
    rows = rows.annotate(
        is_overdue=Case(
            When(created_at__lte=moderation_cutoff(now), then=True),
            default=False,
            output_field=BooleanField(),
        )
    )
    return list(rows.order_by("created_at", "id")[:limit])


def moderation_counts(
    village_ids: list[int], *, now: datetime | None = None
) -> dict[int, dict[str, int]]:
    """Per village: waiting comments and stories and how many are overdue (two queries)."""
    cutoff = moderation_cutoff(now)
    counts: dict[int, dict[str, int]] = {}
    for model, waiting, key in (
        (Comment, Comment.Status.PENDING, "comments"),
        (Submission, Submission.Status.NEW, "submissions"),
    ):
        rows = (
            model.objects.filter(village_id__in=village_ids, status=waiting)
            .values("village_id")
            .annotate(n=Count("pk"), late=Count("pk", filter=Q(created_at__lte=cutoff)))
            .order_by()
        )
        for row in rows:
            entry = counts.setdefault(row["village_id"], {})
            entry[key], entry[f"{key}_late"] = row["n"], row["late"]
    return counts
