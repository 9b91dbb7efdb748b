"""The integrity watch (content bursts, gambling spam, failed logins, new admin IPs).
Run every 15 minutes by a timer."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from balai.support.integrity import integrity_watch_run


class Command(BaseCommand):
    help = "Look for signs of compromised or spammed village sites and alert the district."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"alerts: {integrity_watch_run()}")
