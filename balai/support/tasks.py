"""Background work of the support app. Each task takes IDs and calls a service."""

from __future__ import annotations

from django_tasks import task


@task()
def help_notify(help_request_id: int, event: str) -> int:
    from balai.support.help_services import help_request_notify

    return help_request_notify(help_request_id=help_request_id, event=event)


@task()
def help_escalate() -> int:
    from balai.support.help_services import help_requests_escalate

    return help_requests_escalate()


@task()
def freshness_recompute(village_ids: list[int] | None = None) -> int:
    from balai.support.freshness import freshness_recompute_all

    return freshness_recompute_all(village_ids=village_ids)


@task()
def village_export_build(export_id: int) -> int:
    from balai.support.backup import village_export_run

    return village_export_run(export_id=export_id)


@task()
def integrity_watch() -> int:
    from balai.support.integrity import integrity_watch_run

    return integrity_watch_run()
