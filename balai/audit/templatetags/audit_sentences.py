"""`{{ entry|audit_sentence }}`: an audit entry read as a sentence (see audit/sentences.py)."""

from __future__ import annotations

from django import template

from balai.audit.models import AuditEntry
from balai.audit.sentences import audit_sentence as _sentence

register = template.Library()


@register.filter
def audit_sentence(entry: AuditEntry) -> str:
    return _sentence(entry)
