"""Online service requests waiting across villages, on the district operator's landing page.
Overdue: past the promised day (the service's time in working days from the day it came)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.services.models import ServiceRequest
from balai.villages.worklist import DISTRICT, WorkCount, WorkScope


def services_work(scope: WorkScope) -> list[WorkCount]:
    if scope.audience != DISTRICT:  # personal requests: a mentor or kecamatan sees none
        return []
    counts = ServiceRequest.objects.filter(status__in=ServiceRequest.OPEN).aggregate(
        open=Count("pk"), late=Count("pk", filter=Q(due_on__lt=timezone.localdate()))
    )
    href = reverse("services_district_dashboard:index")
    return [
        WorkCount(
            "services",
            _("permohonan layanan online belum selesai"),
            counts["open"],
            href,
            overdue=counts["late"],
            overdue_href=href,
            order=35,
        )
    ]
