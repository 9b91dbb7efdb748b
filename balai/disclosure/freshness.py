"""The PPID freshness check: this year's DIP has every berkala item available (by the same
rule as the DIP page) and no information request is past its deadline. Kelurahan have no
PPID Desa: the check does not apply to them."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.disclosure import selectors
from balai.disclosure.models import InfoRequest
from balai.villages.models import Village


def dip_complete(village: Village) -> bool | None:
    if not selectors.has_ppid(village):
        return None
    today = timezone.localdate()
    # Late = open past its due date; the same rule as the district compliance table.
    late = InfoRequest.objects.for_village(village).filter(decision="", due_on__lt=today)
    if late.exists():
        return False
    rows = selectors.dip_rows(
        village,
        today.year,
        lambda name, **kw: reverse(f"site:{name}", kwargs={"village_slug": village.slug, **kw}),
    )
    done, total = selectors.dip_completeness(rows)
    return total > 0 and done == total


CHECKS = [("dip_complete", _("DIP lengkap, permohonan tepat waktu"), dip_complete, 2)]
