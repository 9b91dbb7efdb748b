"""Background work of registration: the email of each step."""

from __future__ import annotations

from django_tasks import task

from balai.registrations.models import ApplicationEvent
from balai.registrations.notifications import event_notify


@task()
def application_event_notify(event_id: int, invitation_link: str = "") -> int:
    """Email the applicant (and district admins when there is something to review).

    The invitation link is passed in because only its hash is stored: it cannot be rebuilt.
    """
    event = (
        ApplicationEvent.objects.select_related(
            "application", "application__region", "application__village"
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    return event_notify(event=event, invitation_link=invitation_link)


@task()
def letters_temporary_purge() -> int:
    """Run daily (worker timer): letters of abandoned wizards must not pile up."""
    from balai.registrations.services import letters_temporary_purge as purge

    return purge()
