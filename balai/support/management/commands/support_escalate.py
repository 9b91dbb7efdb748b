"""Tell the district about help requests nobody answered in time. Run hourly by a timer."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from balai.support.help_services import help_requests_escalate


class Command(BaseCommand):
    help = "Escalate unanswered help requests to the district admins."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"escalated: {help_requests_escalate()}")
