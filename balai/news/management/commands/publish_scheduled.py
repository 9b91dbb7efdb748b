"""Publish scheduled articles whose time has come; run every minute by the worker's timer."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from balai.news.services import articles_publish_due


class Command(BaseCommand):
    help = "Terbitkan berita terjadwal yang waktunya sudah tiba."

    def handle(self, *args, **options) -> None:
        count = articles_publish_due()
        self.stdout.write(f"{count} berita terjadwal diterbitkan.")
