"""The weekly digest: villages whose freshness slipped in the last seven days, emailed to the
district admins, to kecamatan viewers (their villages) and to mentors (theirs)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from balai.watch.services import freshness_digest_send


class Command(BaseCommand):
    help = "Email the weekly list of villages whose freshness slipped."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"emails: {freshness_digest_send()}")
