"""Background work of the PPID Desa: telling the requester that something happened."""

from __future__ import annotations

from django_tasks import task

from balai.disclosure.notifications import request_email


@task()
def request_notify(request_id: int, kind: str) -> int:
    from balai.disclosure.models import InfoRequest

    info = (
        InfoRequest.objects.select_related("village", "village__region")
        .filter(pk=request_id)
        .first()
    )
    if info is None or not info.email:
        return 0
    return request_email(info=info, kind=kind).send()
