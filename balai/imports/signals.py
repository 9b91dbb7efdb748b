"""A worker that takes a task first fails the import jobs whose worker died (at most once a
minute per process): a restarted worker cleans up after the one that was killed."""

from __future__ import annotations

import time
from typing import Any

_last = [0.0]


def _reap_on_task(**kwargs: Any) -> None:
    if time.monotonic() - _last[0] < 60 and _last[0]:
        return
    _last[0] = time.monotonic()
    from balai.imports.services import jobs_reap

    jobs_reap()


def connect() -> None:
    from django_tasks.signals import task_started

    task_started.connect(_reap_on_task, dispatch_uid="balai.imports.reap")
