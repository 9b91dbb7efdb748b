"""The integrity watch (content bursts, gambling spam, failed logins, new admin IPs).
Run every 15 minutes by a timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from balai.watch.integrity import integrity_watch_run


class Command(BaseCommand):
    help = "Look for signs of compromised or spammed village sites and alert the district."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"alerts: {integrity_watch_run()}")
