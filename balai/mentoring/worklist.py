"""The help requests waiting for the district or a mentor, on their landing pages."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.mentoring.selectors import help_waiting_counts
from balai.villages.worklist import KECAMATAN, WorkCount, WorkScope


def help_work(scope: WorkScope) -> list[WorkCount]:
    if scope.audience == KECAMATAN:
        return []
    ids = None if scope.is_district else list(scope.village_ids)
    counts = help_waiting_counts(village_ids=ids)
    queue = reverse("mentoring_district_dashboard:queue")
    return [
        WorkCount(
            "help",
            _("permintaan bantuan menunggu jawaban"),
            counts["waiting"],
            f"{queue}?status=open",
            overdue=counts["overdue"],
            overdue_href=f"{queue}?terlambat=1",
            order=10,
        )
    ]
