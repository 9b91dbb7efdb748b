"""Reads of the counter services: the public catalogue, the staff queue with its promised
days, the district's counts, and the request behind a tracking code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from balai.services.models import Service, ServiceRequest
from balai.services.services import normalize_code
from balai.villages.models import Village

Status = ServiceRequest.Status


def published_services(village: Village) -> QuerySet[Service]:
    return Service.objects.for_village(village).filter(is_published=True)


def has_services(village: Village) -> bool:
    return published_services(village).exists()


def request_by_code(village: Village, code: str) -> ServiceRequest | None:
    code = normalize_code(code)
    if not code:
        return None
    qs = ServiceRequest.objects.for_village(village).select_related("service")
    return qs.filter(code=code).first()


@dataclass(frozen=True)
class QueueRow:
    req: ServiceRequest
    today: date

    @property
    def is_overdue(self) -> bool:
        return self.req.is_open and self.req.due_on < self.today

    @property
    def waiting_days(self) -> int:
        return (self.today - timezone.localdate(self.req.submitted_at)).days


def open_requests(village: Village) -> QuerySet[ServiceRequest]:
    """The queue: open requests, the longest waiting first."""
    qs = ServiceRequest.objects.for_village(village).filter(status__in=ServiceRequest.OPEN)
    return qs.select_related("service").order_by("submitted_at", "id")


def closed_requests(village: Village) -> QuerySet[ServiceRequest]:
    qs = ServiceRequest.objects.for_village(village).exclude(status__in=ServiceRequest.OPEN)
    return qs.select_related("service").order_by("-closed_at", "-id")


def queue_counts(village: Village) -> dict[str, int]:
    """Open requests by state and how many are past their promised day (one query)."""
    today = timezone.localdate()
    qs = ServiceRequest.objects.for_village(village).filter(status__in=ServiceRequest.OPEN)
    counts = qs.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
        needs_more=Count("pk", filter=Q(status=Status.NEEDS_MORE)),
        ready=Count("pk", filter=Q(status=Status.READY)),
    )
    return {key: value or 0 for key, value in counts.items()}


def district_counts() -> list[dict[str, Any]]:
    """Per village: open and overdue online requests (one GROUP BY)."""
    today = timezone.localdate()
    rows = (
        ServiceRequest.objects.filter(status__in=ServiceRequest.OPEN)
        .values("village__region__name", "village__slug")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
        .order_by("-overdue", "-open", "village__region__name")
    )
    return [dict(row) for row in rows]
