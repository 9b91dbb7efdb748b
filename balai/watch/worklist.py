"""Villages needing attention on the landing pages: those whose freshness score fell in the last
SLIP_WINDOW (7 days), the same list the freshness table shows with "Hanya yang turun"."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.villages.worklist import DISTRICT, KECAMATAN, WorkCount, WorkScope
from balai.watch.selectors import freshness_table


def slipped_work(scope: WorkScope) -> list[WorkCount]:
    href = reverse("watch_district_dashboard:freshness") + "?turun=1"
    where: dict[str, Any] = {}
    if scope.audience == KECAMATAN:
        where = {"village__region__parent_id": scope.kecamatan}
        href += f"&kecamatan={scope.kecamatan}"
    elif scope.audience != DISTRICT:
        if not scope.village_ids:
            return []
        where = {"village_id__in": scope.village_ids}
    count = freshness_table(scope=where, slipped=True).count()
    return [
        WorkCount("slipped", _("desa perlu perhatian (skor turun 7 hari)"), count, href, order=60)
    ]
