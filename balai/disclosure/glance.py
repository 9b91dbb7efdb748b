"""The PPID's figure in the village-at-a-glance panel (balai/villages/glance.py): of the
requests answered in the latest year with answers, how many were answered by their due date
(the same year as the public annual report). Counts only, never a requester."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from balai.disclosure.register_models import InfoRequest
from balai.disclosure.selectors import ppid_is_set_up
from balai.lib.numbers import angka, percent
from balai.villages.glance import Figure, GlanceItem
from balai.villages.models import Village


def _latest_year(requests: QuerySet[InfoRequest]) -> Mapping[str, Any] | None:
    return (
        requests.exclude(decision="")
        .annotate(year=ExtractYear("received_on"))
        .values("year")
        .annotate(answered=Count("id"), on_time=Count("id", filter=Q(decided_on__lte=F("due_on"))))
        .order_by("-year")
        .first()
    )


def _item(row: Mapping[str, Any], url_name: str, kwargs: dict) -> GlanceItem:
    detail = ngettext(
        "%(on_time)s dari %(n)s permohonan %(year)s",
        "%(on_time)s dari %(n)s permohonan %(year)s",
        row["answered"],
    ) % {"on_time": angka(row["on_time"]), "n": angka(row["answered"]), "year": row["year"]}
    value = percent(row["on_time"], row["answered"])
    return GlanceItem(_("PPID tepat waktu"), value, detail, url_name, kwargs)


def village_ppid(village: Village) -> GlanceItem | None:
    if not ppid_is_set_up(village):
        return None
    row = _latest_year(InfoRequest.objects.for_village(village))
    if row is None:
        return None
    return _item(row, "disclosure_report_year", {"year": row["year"]})


def district_ppid() -> GlanceItem | None:
    requests = InfoRequest.objects.filter(village__status=Village.Status.LIVE)
    row = _latest_year(requests)
    if row is None:
        return None
    return _item(row, "disclosure_district:compliance", {})


FIGURES = [Figure("disclosure", 60, village_ppid, district_ppid)]
