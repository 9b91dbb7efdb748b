from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from balai.complaints.escalation import complaints_escalate


class Command(BaseCommand):
    help = "Teruskan pengaduan yang melewati batas hari kerja ke kecamatan dan kabupaten."

    def handle(self, *args: Any, **options: Any) -> None:
        done = complaints_escalate()
        self.stdout.write(f"{len(done)} pengaduan diteruskan")
