"""Receivers: a newly provisioned village starts with a copy of the district's services."""

from __future__ import annotations

from typing import Any

from balai.services.catalogue import catalogue_seed
from balai.villages.models import Village


def seed_catalogue_on_provision(sender: Any, *, village: Village, **kwargs: Any) -> None:
    catalogue_seed(village=village)
