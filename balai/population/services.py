"""Writes to the register outside imports: new residents (birth, moving in), events that end
or pause residence (death, moving out, missing, leaving), the village's choices. Every change
is audit-logged and recounts the public figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from balai.audit.services import audit_record
from balai.population.models import PopulationSettings, Resident, ResidentEvent
from balai.villages.models import Village

Kind = ResidentEvent.Kind
# status_dasar after each event (codes: 1 hidup, 2 mati, 3 pindah, 4 hilang, 6 pergi)
STATUS_AFTER: dict[int, int] = {
    Kind.BIRTH: 1,
    Kind.MOVE_IN: 1,
    Kind.DEATH: 2,
    Kind.MOVE_OUT: 3,
    Kind.MISSING: 4,
    Kind.LEAVE: 6,
}


def _recount(village: Village) -> None:
    from balai.population.tasks import figures_task

    figures_task.enqueue(village.pk)  # the DB backend commits the task row with ours


def resident_add(
    *,
    village: Village,
    resident: Resident,
    kind: int,
    event_date: date,
    report_date: date,
    user: Any,
    place: str = "",
) -> Resident:
    """A newborn or a newcomer: the record and its birth / moving-in event, together."""
    with transaction.atomic():
        resident.village = village
        resident.status = 1
        resident.save()
        ResidentEvent.objects.create(
            village=village,
            resident=resident,
            kind=kind,
            event_date=event_date,
            report_date=report_date,
            place=place,
            recorded_by=user,
        )
        audit_record(
            actor=user,
            village=village,
            action="population.resident_add",
            target=f"penduduk {resident.pk}",
            event=int(kind),
        )
    _recount(village)
    return resident


def resident_save(*, village: Village, resident: Resident, user: Any) -> Resident:
    with transaction.atomic():
        resident.save()
        audit_record(
            actor=user,
            village=village,
            action="population.resident_change",
            target=f"penduduk {resident.pk}",
        )
    _recount(village)
    return resident


def event_record(
    *, village: Village, resident: Resident, event: ResidentEvent, user: Any
) -> ResidentEvent:
    """Death, moving out, missing or temporary leave: log it and change the person's status."""
    with transaction.atomic():
        event.village, event.resident, event.recorded_by = village, resident, user
        event.save()
        resident.status = STATUS_AFTER[event.kind]
        resident.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=user,
            village=village,
            action="population.event",
            target=f"penduduk {resident.pk}",
            event=int(event.kind),
        )
    _recount(village)
    return event


def settings_save(
    *, village: Village, user: Any, mentor_access: bool, published: list[str]
) -> PopulationSettings:
    with transaction.atomic():
        chosen, _created = PopulationSettings.objects.get_or_create(village=village)
        chosen.mentor_access, chosen.published = mentor_access, published
        chosen.save(update_fields=["mentor_access", "published"])
        audit_record(
            actor=user,
            village=village,
            action="population.settings",
            mentor_access=mentor_access,
            published=published,
        )
    return chosen
