"""Receivers: a newly provisioned desa starts with this year's DIP checklist (the same seeding
the PPID dashboard does on first visit); kelurahan get nothing (dip_seed skips them)."""

from __future__ import annotations

from typing import Any

from balai.disclosure import services
from balai.villages.models import Village


def seed_dip_on_provision(sender: Any, *, village: Village, **kwargs: Any) -> None:
    services.dip_seed(village=village, year=services.today().year)
