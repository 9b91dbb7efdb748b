"""Reads of the backups app."""

from __future__ import annotations

from balai.backups.models import VillageExport
from balai.villages.models import Village

SHOWN = 5


def recent_exports(*, village: Village) -> list[VillageExport]:
    """The village's latest archives (built, being built or failed), newest first."""
    rows = VillageExport.objects.for_village(village).select_related("requested_by")
    return list(rows[:SHOWN])
