"""Applications waiting for the district's review, on the district operator's landing page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.registrations import selectors
from balai.registrations.models import Application
from balai.villages.worklist import WorkCount, WorkScope


def application_work(scope: WorkScope) -> list[WorkCount]:
    if not scope.is_district:  # only district admins review applications
        return []
    queue = reverse("review:queue")
    counts = selectors.application_waiting_counts()
    return [
        WorkCount(
            "applications",
            _("permohonan situs menunggu tinjauan"),
            counts["waiting"],
            f"{queue}?status={Application.Status.SUBMITTED}",
            overdue=counts["overdue"],
            overdue_href=f"{queue}?terlambat=1",
            order=5,
        )
    ]
