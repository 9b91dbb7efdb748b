"""Reads of the mentoring app: help queues, response times, mentor coverage."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

from django.db.models import Count, Q, QuerySet

from balai.accounts.models import User
from balai.lib.phone import normalize_whatsapp, whatsapp_link
from balai.mentoring.models import HelpRequest
from balai.villages.models import Membership, Village

MENTOR = Membership.Role.MENTOR
MENTOR_MAX_VILLAGES = 8  # more than this and a volunteer cannot keep up with juguran visits


def mentor_village_ids(user: User) -> list[int]:
    return list(
        Membership.objects.filter(user=user, role=MENTOR).values_list("village_id", flat=True)
    )


def help_queue(*, user: User, status: str = "") -> QuerySet[HelpRequest]:
    """The requests a helper sees: every village's for the district, assigned ones for a mentor."""
    rows = HelpRequest.objects.select_related("village__region", "author")
    if not user.is_district_admin:
        rows = rows.filter(village_id__in=mentor_village_ids(user))
    if status in HelpRequest.Status.values:
        rows = rows.filter(status=status)
    return rows.order_by("status", "-created_at")


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
    return f"{whatsapp_link(number)}?text={quote(text)}" if number else ""


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
