"""Reads of the mentoring app: help queues, response times, mentor coverage."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Case, Count, DateTimeField, F, IntegerField, Max, Q, QuerySet, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from balai.accounts.models import User
from balai.lib.phone import normalize_whatsapp, whatsapp_link
from balai.mentoring.models import HelpRequest
from balai.mentoring.services import ESCALATE_AFTER
from balai.villages.models import Membership, Village

MENTOR = Membership.Role.MENTOR
MENTOR_MAX_VILLAGES = 8  # more than this and a volunteer cannot keep up with juguran visits


def mentor_village_ids(user: User) -> list[int]:
    return list(
        Membership.objects.filter(user=user, role=MENTOR).values_list("village_id", flat=True)
    )


OPEN = HelpRequest.Status.OPEN


def help_waiting(
    rows: QuerySet[HelpRequest], *, now: datetime | None = None
) -> QuerySet[HelpRequest]:
    """Annotate `waiting_since` (when the asker last spoke with no answer yet: the request, or
    the asker's latest reply once a helper had answered) and `is_overdue` (open and unanswered
    for longer than ESCALATE_AFTER, the rule that hands a request to the district); order the
    waiting requests first, oldest first, then the answered and resolved ones, newest first."""
    cutoff = (now or timezone.now()) - ESCALATE_AFTER
    last_asker = Max("replies__created_at", filter=Q(replies__from_helper=False))
    rows = rows.annotate(
        waiting_since=Case(
            When(first_answer_at__isnull=True, then=F("created_at")),
            default=Coalesce(last_asker, F("created_at")),
            output_field=DateTimeField(),
        ),
    ).annotate(
        rank=Case(
            When(status=OPEN, then=0),
            When(status=HelpRequest.Status.ANSWERED, then=1),
            default=2,
            output_field=IntegerField(),
        ),
        is_overdue=Case(
            When(status=OPEN, waiting_since__lte=cutoff, then=True),
            default=False,
        ),
        open_at=Case(When(status=OPEN, then=F("waiting_since")), output_field=DateTimeField()),
    )
    return rows.order_by("rank", F("open_at").asc(nulls_last=True), "-created_at", "-id")


def help_scope(
    *, user: User, status: str = "", village_ids: list[int] | None = None
) -> QuerySet[HelpRequest]:
    """The requests a helper sees: every village's for the district, assigned ones for a mentor
    (`village_ids` when the caller already read them)."""
    rows = HelpRequest.objects.all()
    if not user.is_district_admin:
        ids = mentor_village_ids(user) if village_ids is None else village_ids
        rows = rows.filter(village_id__in=ids)
    if status in HelpRequest.Status.values:
        rows = rows.filter(status=status)
    return rows


def help_queue(
    *,
    user: User,
    status: str = "",
    overdue: bool = False,
    now: datetime | None = None,
    village_ids: list[int] | None = None,
) -> QuerySet[HelpRequest]:
    """help_scope, waiting ones first, oldest first (help_waiting); only the overdue ones when
    `overdue`."""
    rows = help_scope(user=user, status=status, village_ids=village_ids)
    rows = rows.select_related("village__region", "author")
    rows = help_waiting(rows, now=now)
    return rows.filter(Q(is_overdue=True)) if overdue else rows


def help_waiting_counts(
    *, village_ids: list[int] | None, now: datetime | None = None
) -> dict[str, int]:
    """Open requests and how many of them are overdue, in the villages given (None: all)."""
    rows = HelpRequest.objects.filter(status=OPEN)
    if village_ids is not None:
        rows = rows.filter(village_id__in=village_ids)
    counts = (
        help_waiting(rows, now=now)
        .order_by()
        .aggregate(waiting=Count("pk"), overdue=Count("pk", filter=Q(is_overdue=True)))
    )
    return {"waiting": counts["waiting"], "overdue": counts["overdue"]}


def response_hours(help_request: HelpRequest) -> float | None:
    if not help_request.first_answer_at:
        return None
    return round((help_request.first_answer_at - help_request.created_at) / timedelta(hours=1), 1)


def response_summary(rows: QuerySet[HelpRequest]) -> dict[str, Any]:
    """Counts over the whole queue (not one page of it) and the median hours to an answer."""
    counts = rows.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status=HelpRequest.Status.OPEN)),
        escalated=Count(
            "pk",
            filter=Q(escalated_at__isnull=False) & ~Q(status=HelpRequest.Status.RESOLVED),
        ),
    )
    spans = rows.filter(first_answer_at__isnull=False).values_list("created_at", "first_answer_at")
    hours = sorted(
        round((answered - asked) / timedelta(hours=1), 1) for asked, answered in spans if answered
    )
    return {**counts, "median_hours": hours[len(hours) // 2] if hours else None}


def whatsapp_href(user: User | None, text: str) -> str:
    number = normalize_whatsapp(getattr(user, "phone", "") or "")
    return whatsapp_link(number, text) if number else ""


def mentor_coverage() -> dict[str, Any]:
    """Live villages with no mentor, and mentors with too many villages."""
    villages = (
        Village.objects.exclude(status=Village.Status.DRAFT)
        .select_related("region", "region__parent")
        .annotate(mentors=Count("memberships", filter=Q(memberships__role=MENTOR)))
    )
    uncovered = [v for v in villages if v.mentors == 0]
    mentors = list(
        User.objects.filter(memberships__role=MENTOR)
        .annotate(village_count=Count("memberships", filter=Q(memberships__role=MENTOR)))
        .order_by("-village_count", "name")
    )
    return {
        "uncovered": uncovered,
        "village_total": len(villages),
        "mentors": mentors,
        "overloaded": [m for m in mentors if m.village_count > MENTOR_MAX_VILLAGES],
        "limit": MENTOR_MAX_VILLAGES,
    }
