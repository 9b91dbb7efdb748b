"""Reads of the complaints desk: the village's queue on the working-day clock, the public list,
the tracking lookups, who may see which escalated complaint, and the district's figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core import signing
from django.db.models import Avg, Count, Q, QuerySet

from balai.complaints.models import Complaint, ComplaintEvent, ComplaintSettings
from balai.disclosure.calendar import WorkingCalendar
from balai.villages.models import Village

WARN_BEFORE = 2  # working days before the limit at which the queue warns
TRACK_SALT = "balai.complaints.track"
Status = Complaint.Status


@dataclass
class QueueRow:
    complaint: Complaint
    waited: int  # working days since receipt
    days_left: int  # working days to the limit (negative: past it)

    @property
    def is_overdue(self) -> bool:
        return self.days_left <= 0

    @property
    def is_warned(self) -> bool:
        return 0 < self.days_left <= WARN_BEFORE


def clock_row(complaint: Complaint, *, on: date, calendar: WorkingCalendar) -> QueueRow:
    return QueueRow(
        complaint,
        calendar.working_days_between(complaint.received_on, on),
        calendar.working_days_between(on, complaint.due_on),
    )


def complaint_queue(village: Village, *, on: date) -> list[QueueRow]:
    """Open complaints (not held as spam), the longest waiting first."""
    calendar = WorkingCalendar()
    rows = Complaint.objects.for_village(village).filter(
        status__in=Complaint.OPEN_STATUSES, suspicious=""
    )
    found = [clock_row(c, on=on, calendar=calendar) for c in rows.order_by("received_on", "id")]
    return found


def held_complaints(village: Village) -> list[Complaint]:
    rows = Complaint.objects.for_village(village).exclude(suspicious="")
    return list(rows.filter(status__in=Complaint.OPEN_STATUSES).order_by("-received_on")[:50])


def handled_complaints(village: Village, *, limit: int = 30) -> list[Complaint]:
    rows = Complaint.objects.for_village(village).filter(
        status__in=(Status.ANSWERED, Status.CLOSED)
    )
    return list(rows.order_by("-updated_at", "-id")[:limit])


def complaint_history(complaint: Complaint, *, for_complainant: bool = False) -> list[Any]:
    rows = complaint.events.select_related("actor")
    if for_complainant:
        rows = rows.filter(kind__in=ComplaintEvent.FOR_COMPLAINANT)
    return list(rows)


def public_list_on(village: Village) -> bool:
    found = ComplaintSettings.objects.for_village(village).values_list("public_list", flat=True)
    return next(iter(found), True)


def public_complaints(village: Village) -> QuerySet[Complaint]:
    """Answered complaints with a public reply: category, dates, the staff's summary and reply.
    Never the complainant's own text, name or contact, nor the private reply."""
    return (
        Complaint.objects.for_village(village)
        .filter(answered_on__isnull=False, suspicious="")  # also when a follow-up reopened it
        .exclude(public_reply="")
        .only("number", "category", "received_on", "answered_on", "public_summary", "public_reply")
        .order_by("-answered_on", "-id")
    )


def complaint_by_code(village: Village, code: str) -> Complaint | None:
    code = "".join(code.split()).upper().replace("-", "")
    if not code:
        return None
    return Complaint.objects.for_village(village).filter(code=code).first()


def tracking_token(complaint: Complaint) -> str:
    """The signed link's key: the complaint's id, signed with a salt that holds its code, so
    only a link made for this complaint opens it."""
    return signing.Signer(salt=f"{TRACK_SALT}.{complaint.code}").sign(str(complaint.pk))


def complaint_by_token(village: Village, token: str) -> Complaint | None:
    pk, _sep, _sig = token.partition(":")
    if not pk.isdigit():
        return None
    complaint = Complaint.objects.for_village(village).filter(pk=int(pk)).first()
    if complaint is None:
        return None
    try:
        signing.Signer(salt=f"{TRACK_SALT}.{complaint.code}").unsign(token)
    except signing.BadSignature:
        return None
    return complaint


# --- the kecamatan viewer and the district ------------------------------------------------------


def escalated_scope(user: Any) -> dict[str, Any] | None:
    """Which escalated complaints a person may read: None (404), or a filter."""
    if not user.is_authenticated:
        return None
    if user.is_district_admin:
        return {}
    codes = list(user.kecamatan_roles.values_list("kecamatan_id", flat=True))
    if codes:
        return {"village__region__parent_id__in": codes}
    return None


def escalated_complaints(scope: dict[str, Any], *, open_only: bool = True) -> QuerySet[Complaint]:
    rows = Complaint.objects.filter(escalated_at__isnull=False, **scope)
    if open_only:
        rows = rows.filter(status__in=Complaint.OPEN_STATUSES)
    return rows.select_related("village__region").order_by("escalated_at", "id")


@dataclass
class VillageFigures:
    village: Village
    received: int
    open: int
    overdue: int
    escalated: int
    answered: int
    average_days: float | None


def month_bounds(month: date | None) -> tuple[date, date] | None:
    if month is None:
        return None
    start = month.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def district_figures(
    *, month: date | None, on: date, scope: dict[str, Any] | None = None
) -> list[VillageFigures]:
    """Per village: complaints received (in the month, or ever), how many of them are open,
    past their limit, escalated, answered, and the average answer time in working days. Two
    queries whatever the number of villages (one GROUP BY village, one for the villages)."""
    rows = Complaint.objects.filter(suspicious="", **(scope or {}))
    bounds = month_bounds(month)
    if bounds:
        rows = rows.filter(received_on__gte=bounds[0], received_on__lt=bounds[1])
    open_q = Q(status__in=Complaint.OPEN_STATUSES)
    counts = (
        rows.values("village_id")
        .annotate(
            received=Count("pk"),
            open=Count("pk", filter=open_q),
            overdue=Count("pk", filter=open_q & Q(answered_on__isnull=True, due_on__lte=on)),
            escalated=Count("pk", filter=Q(escalated_at__isnull=False)),
            answered=Count("pk", filter=Q(answered_on__isnull=False)),
            average_days=Avg("response_days"),
        )
        .order_by()
    )
    by_village = {row["village_id"]: row for row in counts}
    villages = Village.objects.filter(pk__in=by_village).select_related("region")
    result = [
        VillageFigures(
            village=v,
            received=by_village[v.pk]["received"],
            open=by_village[v.pk]["open"],
            overdue=by_village[v.pk]["overdue"],
            escalated=by_village[v.pk]["escalated"],
            answered=by_village[v.pk]["answered"],
            average_days=by_village[v.pk]["average_days"],
        )
        for v in villages
    ]
    return sorted(result, key=lambda f: (-f.overdue, -f.open, f.village.display_name))


def district_totals(figures: list[VillageFigures]) -> dict[str, Any]:
    answered = sum(f.answered for f in figures)
    weighted = sum((f.average_days or 0) * f.answered for f in figures)
    return {
        "received": sum(f.received for f in figures),
        "open": sum(f.open for f in figures),
        "overdue": sum(f.overdue for f in figures),
        "escalated": sum(f.escalated for f in figures),
        "answered": answered,
        "average_days": weighted / answered if answered else None,
    }


def months_with_complaints(scope: dict[str, Any]) -> list[date]:
    found = Complaint.objects.filter(**scope).dates("received_on", "month", order="DESC")
    return list(found[:24])
