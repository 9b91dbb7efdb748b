"""Complaints waiting for an answer, on the district operator's and the kecamatan viewer's
landing pages: every open, unanswered complaint in view, with those past the limit (the ones
escalated to them, or about to be within the hour) as overdue. The village's own staff see
their queue on the desk itself."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.complaints.models import Complaint
from balai.complaints.services import today
from balai.villages.worklist import DISTRICT, KECAMATAN, WorkCount, WorkScope


def complaints_work(scope: WorkScope) -> list[WorkCount]:
    if scope.audience not in (DISTRICT, KECAMATAN):
        return []
    rows = Complaint.objects.filter(
        status__in=Complaint.OPEN_STATUSES, answered_on__isnull=True, suspicious=""
    )
    if not scope.is_district:
        rows = rows.filter(village_id__in=scope.village_ids)
    counts = rows.aggregate(open=Count("pk"), late=Count("pk", filter=Q(due_on__lte=today())))
    href = reverse("complaints_district_dashboard:index")
    return [
        WorkCount(
            "complaints",
            _("pengaduan warga belum dijawab desa"),
            counts["open"],
            href,
            overdue=counts["late"],
            overdue_href=href,
            order=32,
        )
    ]
