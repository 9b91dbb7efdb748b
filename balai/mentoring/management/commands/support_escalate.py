"""Tell the district about help requests nobody answered in time. Run hourly by a timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from balai.mentoring.services import help_requests_escalate


class Command(BaseCommand):
    help = "Escalate unanswered help requests to the district admins."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"escalated: {help_requests_escalate()}")
