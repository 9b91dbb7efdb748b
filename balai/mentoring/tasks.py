"""Background work of the mentoring app. Each task takes IDs and calls a service."""

from __future__ import annotations

from django_tasks import task


@task()
def help_notify(help_request_id: int, event: str) -> int:
    from balai.mentoring.services import help_request_notify

    return help_request_notify(help_request_id=help_request_id, event=event)
