"""Writes of the welfare module (programmes, publishing lists, objections). Imports live in
importers.py (balai.imports pipeline); figures in figures.py."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from balai.audit.services import audit_record
from balai.lib.ratelimit import Limit
from balai.population.models import Household
from balai.villages.models import Village
from balai.welfare.figures import figures_changed
from balai.welfare.models import Objection, PovertyFlag, Programme, Recipient

# Three objections per hour from one network (balai.lib.net.client_network), counted by the
# objection view.
OBJECTION_LIMIT = Limit(3, 60 * 60)


def programme_save(*, programme: Programme, user: Any) -> Programme:
    programme.save()
    audit_record(
        actor=user,
        village=programme.village,
        action="welfare.programme_save",
        target=programme.name,
    )
    figures_changed(village=programme.village)
    return programme


def programme_publish(*, programme: Programme, user: Any, published: bool) -> None:
    programme.list_published = published and programme.publicly_announced
    programme.save(update_fields=["list_published"])
    audit_record(
        actor=user,
        village=programme.village,
        action="welfare.list_publish",
        target=programme.name,
        published=programme.list_published,
    )


def objection_send(
    *, programme: Programme, kind: str, message: str, sender_name: str, contact: str
) -> Objection:
    return Objection.objects.create(
        village=programme.village,
        programme=programme,
        kind=kind,
        message=message,
        sender_name=sender_name,
        contact=contact,
    )


def objection_handle(*, objection: Objection, user: Any) -> None:
    objection.handled = True
    objection.save(update_fields=["handled"])
    audit_record(
        actor=user,
        village=objection.village,
        action="welfare.objection_handled",
        target=f"sanggahan {objection.pk}",
    )


def recipient_status_change(*, recipient: Recipient, user: Any) -> None:
    recipient.save(update_fields=["status", "status_reason", "end"])
    audit_record(
        actor=user,
        village=recipient.village,
        action="welfare.recipient_status",
        target=f"penerima {recipient.pk}",
        status=recipient.status,
    )
    figures_changed(village=recipient.village)


def programme_copy_to_villages(
    *, template: Programme, villages: QuerySet[Village], user: Any
) -> int:
    """A district-wide programme: one copy per village (flagged district_wide), so each row
    still belongs to one village. Villages that already have the name are left alone."""
    made = 0
    for village in villages:
        if Programme.objects.for_village(village).filter(name=template.name).exists():
            continue
        fields = {
            f.name: getattr(template, f.name)
            for f in Programme._meta.concrete_fields
            if f.name not in ("id", "village", "created_at", "list_published", "district_wide")
        }
        Programme.objects.create(village=village, district_wide=True, **fields)
        made += 1
    audit_record(
        actor=user, action="welfare.district_programme", target=template.name, villages=made
    )
    return made


def poverty_flag_save(*, village: Village, household: Household, reason: str, user: Any) -> None:
    """The village's own finding, kept apart from the national ranking."""
    PovertyFlag.objects.update_or_create(
        village=village,
        household=household,
        defaults={"reason": reason, "flagged_on": timezone.localdate()},
    )
    audit_record(
        actor=user, village=village, action="welfare.poverty_flag", target=household.number
    )
