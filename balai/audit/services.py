"""Writes to the audit log. Append-only: nothing here updates or deletes an entry."""

from __future__ import annotations

from typing import Any

from balai.audit.models import AuditEntry


def audit_record(
    *, actor: Any, action: str, target: str = "", village: Any = None, **details: Any
) -> AuditEntry:
    """Append one entry. `details` must never hold NIK, No. KK, birth dates or addresses."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        village=village,
        action=action,
        target=target[:200],
        details=details,
    )
