"""Terms of village institutions that end within 90 days or have ended, on a mentor's landing
page (one count per village; `overdue` are the ended ones). The village's own admins see the
same reminders on their dashboard checklist (selectors.term_checklist)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.institutions.models import Institution
from balai.institutions.selectors import REMIND_DAYS
from balai.villages.models import Village
from balai.villages.worklist import MENTOR, WorkCount, WorkScope


def term_work(scope: WorkScope) -> list[WorkCount]:
    """Two queries whatever the number of villages."""
    if scope.audience != MENTOR or not scope.village_ids:
        return []
    today = timezone.localdate()
    counts = {
        row["village"]: row
        for row in Institution.objects.filter(
            village__in=scope.village_ids,
            period_end__lte=today + datetime.timedelta(days=REMIND_DAYS),
        )
        .values("village")
        .annotate(ending=Count("id"), ended=Count("id", filter=Q(period_end__lt=today)))
    }
    items = []
    for village in Village.objects.filter(pk__in=counts).select_related("region"):
        href = reverse("institutions_dashboard:list", kwargs={"slug": village.slug})
        items.append(
            WorkCount(
                "institution_terms",
                _("masa bakti lembaga berakhir"),
                counts[village.pk]["ending"],
                href,
                overdue=counts[village.pk]["ended"],
                overdue_href=href,
                village=village.display_name,
                order=70,
            )
        )
    return items
