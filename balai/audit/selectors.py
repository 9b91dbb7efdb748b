"""Reads of the audit log, for the district's audit page and a village's history."""

from __future__ import annotations

from typing import Any

from balai.audit.models import AuditEntry


def audit_list(*, village: Any = None, limit: int = 100) -> list[AuditEntry]:
    """The newest entries first; one village's only when `village` is given, else all."""
    entries = AuditEntry.objects.select_related("actor", "village", "village__region")
    if village is not None:
        entries = entries.filter(village=village)
    return list(entries.order_by("-created_at", "-id")[:limit])
