"""Writes of the welfare module (programmes, publishing lists, objections). Imports live in
import_service.py; figures in figures.py."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.welfare.figures import figures_changed
from balai.welfare.models import Objection, Programme

OBJECTION_LIMIT = (3, 60 * 60)  # three objections per hour per address


class RateLimited(Exception):
    """Too many objections from one address; the message is for the visitor."""


def _rate_limit_hit(*, ip: str) -> None:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{ip}".encode()).hexdigest()[:24]
    key = f"balai:welfare:rl:{digest}"  # the address is hashed: none is kept
    most, seconds = OBJECTION_LIMIT
    if cache.add(key, 1, seconds):
        return
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, seconds)
        return
    if count > most:
        raise RateLimited(_("Terlalu banyak kiriman dari jaringan Anda. Coba lagi nanti."))


def programme_save(*, programme: Programme, user) -> Programme:
    programme.save()
    audit_record(
        actor=user,
        village=programme.village,
        action="welfare.programme_save",
        target=programme.name,
    )
    figures_changed(village=programme.village)
    return programme


def programme_publish(*, programme: Programme, user, published: bool) -> None:
    programme.list_published = published and programme.publicly_announced
    programme.save(update_fields=["list_published"])
    audit_record(
        actor=user,
        village=programme.village,
        action="welfare.list_publish",
        target=programme.name,
        published=programme.list_published,
    )
    programme.village.bump_version()


def objection_send(
    *, programme: Programme, ip: str, kind: str, message: str, sender_name: str, contact: str
) -> Objection:
    _rate_limit_hit(ip=ip)
    return Objection.objects.create(
        village=programme.village,
        programme=programme,
        kind=kind,
        message=message,
        sender_name=sender_name,
        contact=contact,
    )


def objection_handle(*, objection: Objection, user) -> None:
    objection.handled = True
    objection.save(update_fields=["handled"])
    audit_record(
        actor=user,
        village=objection.village,
        action="welfare.objection_handled",
        target=f"sanggahan {objection.pk}",
    )


def recipient_status_change(*, recipient, user) -> None:
    recipient.save(update_fields=["status", "status_reason", "end"])
    audit_record(
        actor=user,
        village=recipient.village,
        action="welfare.recipient_status",
        target=f"penerima {recipient.pk}",
        status=recipient.status,
    )
    figures_changed(village=recipient.village)


def programme_copy_to_villages(*, template: Programme, villages, user) -> int:
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


def poverty_flag_save(*, village, household, reason: str, user) -> None:
    """The village's own finding, kept apart from the national ranking."""
    from django.utils import timezone

    from balai.welfare.models import PovertyFlag

    PovertyFlag.objects.update_or_create(
        village=village,
        household=household,
        defaults={"reason": reason, "flagged_on": timezone.localdate()},
    )
    audit_record(
        actor=user, village=village, action="welfare.poverty_flag", target=household.number
    )
