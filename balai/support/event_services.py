"""Juguran and trainings: saving events, registering village members, recording attendance."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from balai.accounts.models import User
from balai.support.models import Event, EventRegistration
from balai.villages.models import Village
from balai.villages.richtext import page_body_html


def event_save(*, event: Event) -> Event:
    # Agenda and materials are shown as HTML: cleaned on the way in.
    event.agenda = page_body_html(event.agenda)
    event.materials = page_body_html(event.materials)
    event.save()
    return event


def event_register(*, event: Event, village: Village, user: User) -> bool:
    """Register one village member; False when already registered."""
    try:
        with transaction.atomic():
            EventRegistration.objects.create(event=event, village=village, user=user)
    except IntegrityError:
        return False
    return True


def event_unregister(*, event: Event, village: Village, user: User) -> None:
    EventRegistration.objects.for_village(village).filter(event=event, user=user).delete()


def attendance_set(*, event: Event, attended_ids: set[int]) -> None:
    # Two UPDATEs whatever the number of participants; ids of other events' rows match nothing.
    rows = event.registrations.all()
    with transaction.atomic():
        rows.filter(pk__in=attended_ids).update(attended=True)
        rows.exclude(pk__in=attended_ids).update(attended=False)
