"""Information requests waiting for an answer across villages, on the district operator's and
the kecamatan viewer's landing pages. Overdue is the statutory clock: past `due_on` (10 working
days, or 17 when extended, computed when the request was received or extended)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.disclosure.models import InfoRequest
from balai.villages.worklist import DISTRICT, KECAMATAN, WorkCount, WorkScope


def ppid_work(scope: WorkScope) -> list[WorkCount]:
    if scope.audience not in (DISTRICT, KECAMATAN):  # PPID requests are the village admins'
        return []
    rows = InfoRequest.objects.filter(decision="")
    if not scope.is_district:
        rows = rows.filter(village_id__in=scope.village_ids)
    counts = rows.aggregate(
        open=Count("pk"), late=Count("pk", filter=Q(due_on__lt=timezone.localdate()))
    )
    # The kecamatan viewer reads the figures on the public compliance table.
    name = (
        "disclosure_district_dashboard:index"
        if scope.is_district
        else "disclosure_district:compliance"
    )
    href = reverse(name)
    return [
        WorkCount(
            "ppid",
            _("permohonan informasi belum dijawab"),
            counts["open"],
            href,
            overdue=counts["late"],
            overdue_href=href,
            order=30,
        )
    ]
