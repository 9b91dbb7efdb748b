"""The district's starting templates (catalogue.py) written once; run by the demo, by tests
after a flush, and by hand on an install that lost them. Migration 0002 does the same with the
historical models."""

from __future__ import annotations

from django.db import transaction

from balai.letters.catalogue import TEMPLATES
from balai.letters.models import LetterType, TemplateVersion


@transaction.atomic
def seed_templates() -> int:
    """Add the letter types that are missing; returns how many were added."""
    added = 0
    for order, spec in enumerate(TEMPLATES):
        letter_type, created = LetterType.objects.get_or_create(
            key=spec["key"], defaults={"order": order, "needs_living": spec["needs_living"]}
        )
        if not created:
            continue
        letter_type.current = TemplateVersion.objects.create(
            letter_type=letter_type,
            number=1,
            title=spec["title"],
            code=spec["code"],
            body=spec["body"],
            fields=spec["fields"],
        )
        letter_type.save(update_fields=["current"])
        added += 1
    return added
