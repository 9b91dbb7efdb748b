"""The budget module's freshness check: this year's APBDes is approved (or revised) and so
public. Kelurahan have no APBDes: the check does not apply to them."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.budget.selectors import public_year
from balai.villages.models import Village


def apbdes_current(village: Village) -> bool | None:
    if village.is_kelurahan:
        return None
    return public_year(village, timezone.localdate().year) is not None


CHECKS = [("apbdes_current", _("APBDes tahun ini"), apbdes_current, 2)]
