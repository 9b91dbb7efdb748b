"""Task rows queued before the upgrade name the support app's task paths (django_tasks_db
stores the import path): they still resolve to the tasks' new homes."""

from __future__ import annotations

from django.utils.module_loading import import_string

from balai.backups.tasks import village_export_build
from balai.mentoring.tasks import help_notify


def test_the_old_task_paths_resolve_to_the_moved_tasks():
    assert import_string("balai.support.tasks.help_notify") is help_notify
    assert import_string("balai.support.tasks.village_export_build") is village_export_build
