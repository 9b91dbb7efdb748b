"""Background work of the counter services: telling the requester that something happened."""

from __future__ import annotations

from django_tasks import task

from balai.services.notifications import request_email


@task()
def request_notify(request_id: int, kind: str) -> int:
    from balai.services.models import ServiceRequest

    req = (
        ServiceRequest.objects.select_related("village", "village__region", "service")
        .filter(pk=request_id)
        .first()
    )
    if req is None or not req.email:
        return 0
    return request_email(req=req, kind=kind).send()
