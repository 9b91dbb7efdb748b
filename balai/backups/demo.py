"""Demo data for backups: Dagan's admin has built one archive, ready to download."""

from __future__ import annotations

import random

from balai.accounts.models import User
from balai.backups.models import VillageExport
from balai.backups.services import village_export_run
from balai.villages.models import Village


def demo_build(
    *, rng: random.Random, villages: list[Village], users: dict[str, User]
) -> dict[str, int]:
    if not villages:
        return {}
    export = VillageExport.objects.create(
        village=villages[0], requested_by=users.get("admin@dagan.desa.id")
    )
    village_export_run(export_id=export.pk)  # built here: the demo has no worker running yet
    return {"village archives": 1}


def demo_clear(*, village_ids: set[int]) -> None:
    for export in VillageExport.objects.filter(village__in=village_ids).exclude(file=""):
        export.file.delete(save=False)  # the archive holds (demo) personal data
    VillageExport.objects.filter(village__in=village_ids).delete()
