"""Demo data for open data: the district's settings as Dinkominfo would fill them (only when
the install has none: a real district's choice is never overwritten)."""

from __future__ import annotations

import random

from balai.accounts.models import User
from balai.opendata.models import OpendataSettings
from balai.villages.models import Village


def demo_build(
    *, rng: random.Random, villages: list[Village], users: dict[str, User]
) -> dict[str, int]:
    _row, made = OpendataSettings.objects.get_or_create(
        pk=1,
        defaults={
            "publisher": "Dinas Komunikasi dan Informatika Kabupaten Purbalingga",
            "contact_name": "Bidang Statistik (Satu Data Purbalingga)",
            "contact_email": "satudata@purbalinggakab.go.id",
        },
    )
    return {"pengaturan data terbuka": int(made)}


def demo_clear(*, village_ids: set[int]) -> None:
    """The settings are the district's, not a demo village's: kept."""
