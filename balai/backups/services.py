"""Writes of the backups app: building a village's archive from the dashboard (one at a time,
the last few kept), opening one for download (audit-logged), and deleting a village's rows (the
other half of moving a village to another install, and of the round-trip test)."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.core.files.base import File
from django.db import models, transaction
from django.utils import timezone

from balai.accounts.models import User
from balai.audit.services import audit_record
from balai.backups.archive import village_archive_write, village_rows
from balai.backups.models import VillageExport
from balai.backups.schema import EXCLUDED, village_models
from balai.villages.models import Village

KEEP = 3  # finished archives kept per village: each is a full copy of residents' data
STALE = timedelta(hours=1)  # a build running longer than this had its worker die

Status = VillageExport.Status


def village_exports_expire(*, village: Village, now: Any = None) -> int:
    """Mark builds whose worker died (pending or running for over STALE) as failed, so they
    neither block a new archive nor keep the page polling."""
    cutoff = (now or timezone.now()) - STALE
    busy = VillageExport.objects.for_village(village).filter(
        status__in=[Status.PENDING, Status.RUNNING], created_at__lt=cutoff
    )
    return busy.update(status=Status.FAILED, progress=0)


def village_export_request(*, village: Village, user: User) -> VillageExport | None:
    """Queue a new archive; None while another one of this village is still being built."""
    village_exports_expire(village=village)
    with transaction.atomic():
        Village.objects.select_for_update().filter(pk=village.pk).first()  # one at a time
        exports = VillageExport.objects.for_village(village)
        if exports.filter(status__in=[Status.PENDING, Status.RUNNING]).exists():
            return None
        export = VillageExport.objects.create(village=village, requested_by=user)
    from balai.backups.tasks import village_export_build

    village_export_build.enqueue(export.pk)
    return export


def village_export_run(*, export_id: int) -> int:
    """Build one VillageExport's archive (the task behind the dashboard's backup page)."""
    export = VillageExport.objects.select_related("village__region", "requested_by").get(
        pk=export_id
    )
    if export.status == Status.DONE:
        return export.size
    rows = VillageExport.objects.filter(pk=export.pk)
    rows.update(status=Status.RUNNING, progress=10)
    try:
        with tempfile.TemporaryFile() as fh:
            manifest = village_archive_write(
                village=export.village,
                target=fh,
                progress=lambda pct: rows.update(progress=pct),
            )
            fh.seek(0)
            export.file.save(f"{export.village.slug}.zip", File(fh), save=False)
            export.size = export.file.size
    except Exception:
        rows.update(status=Status.FAILED, progress=0)
        raise
    export.status, export.progress, export.finished_at = Status.DONE, 100, timezone.now()
    export.save(update_fields=["file", "size", "status", "progress", "finished_at"])
    audit_record(
        actor=export.requested_by,
        action="village.export",
        target=export.village.slug,
        village=export.village,
        rows=sum(m["rows"] for m in manifest["models"]),
    )
    _exports_prune(export.village)
    return export.size


def _exports_prune(village: Village) -> None:
    done = VillageExport.objects.for_village(village).filter(status=Status.DONE)
    for old in done.order_by("-created_at", "-id")[KEEP:]:
        old.file.delete(save=False)
        old.delete()


def village_export_open(*, export: VillageExport, actor: User) -> File:
    """The archive's file, for a download; every download is written to the audit log."""
    audit_record(
        actor=actor,
        action="village.export_download",
        target=export.village.slug,
        village=export.village,
        export=export.pk,
    )
    return export.file.open("rb")


def village_rows_purge(*, village: Village) -> int:
    """Delete every row of the village (children first), its archives' files, and the village
    itself: after `village_restore` elsewhere, or in the round-trip test. Never from a page."""
    chosen = village_models()
    ids: dict[str, dict[Any, int]] = defaultdict(dict)
    for model in chosen:
        label = model._meta.label_lower
        ids[label] = {o.pk: 1 for o in village_rows(model, village, ids)}
    for export in VillageExport.objects.for_village(village).exclude(file=""):
        export.file.delete(save=False)
    deleted = 0
    for model in reversed(chosen):
        label = model._meta.label_lower
        deleted += model._base_manager.filter(pk__in=list(ids[label])).delete()[0]
    for excluded in _excluded_village_models():
        for f in excluded._meta.concrete_fields:
            if f.is_relation and f.related_model is Village:
                rows = excluded._base_manager.filter(**{f.attname: village.pk})
                deleted += rows.delete()[0]
    Village.objects.filter(pk=village.pk).delete()
    return deleted


def _excluded_village_models() -> list[type[models.Model]]:
    return [apps.get_model(label) for label in sorted(EXCLUDED)]
