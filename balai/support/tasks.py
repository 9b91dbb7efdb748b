"""Task rows queued before the split name these paths (django_tasks_db stores the import
path): they still resolve, to the tasks' new homes. Remove with the rest of this app."""

from __future__ import annotations

from balai.backups.tasks import village_export_build
from balai.mentoring.tasks import help_notify

__all__ = ["help_notify", "village_export_build"]
