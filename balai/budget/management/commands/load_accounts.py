"""Load (or refresh) the Permendagri 20/2018 account tree from balai/budget/data/."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from balai.budget.tree import accounts_load


class Command(BaseCommand):
    help = "Muat pohon rekening APBDes (Permendagri 20/2018)."

    def handle(self, *args, **options) -> None:
        count = accounts_load()
        self.stdout.write(f"{count} rekening dimuat.")
