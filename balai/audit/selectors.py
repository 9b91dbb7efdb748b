"""Reads of the audit log, for the district's audit page, its dashboard and a village's history."""

from __future__ import annotations

from django.db.models import QuerySet

from balai.audit.models import AuditEntry
from balai.villages.models import Village


def audit_entries(*, village: Village | None = None) -> QuerySet[AuditEntry]:
    """Newest first, with actor and village in the same query; one village's only when given.

    The demo's bookkeeping entry (what to delete on the next build) is no one's action."""
    entries = (
        AuditEntry.objects.select_related("actor", "village", "village__region")
        .exclude(action="demo.build")
        .order_by("-created_at", "-id")
    )
    return entries.for_village(village) if village is not None else entries
