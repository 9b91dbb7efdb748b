"""A village's whole data as one zip archive, and its restore into another install.

Archive layout (documented for villages in docs/backup.md):
  manifest.json            format, schema version, village, models with row counts, sha256 of
                           every other file
  data/village.json        the village row; data/<app>.<model>.json and .csv per model
  data/users.json          the people the rows point to (email, name; never passwords)
  files/<app>.<model>/<field>/<name>   the uploaded files
Row ids are numbered 1, 2, … per model in primary-key order and links use those numbers, so an
archive does not depend on the ids of the install it came from; links to people are emails and
links to regions are Kemendagri codes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from django.core.files.base import File
from django.db import models
from django.db.models import Q
from django.utils import timezone

from balai.accounts.models import User
from balai.support.backup_schema import (
    FORMAT,
    SCHEMA_VERSION,
    csv_value,
    dumps,
    encode,
    field_names,
    village_models,
)
from balai.villages.models import Village

ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the same data gives the same bytes


def _fks(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.is_relation]


def _rows(model, village: Village, ids: dict[str, dict[Any, int]]) -> list[models.Model]:
    query = Q(pk__in=[])
    for f in _fks(model):
        if f.related_model is Village:
            query |= Q(**{f.attname: village.pk})
        elif f.related_model._meta.label_lower in ids:
            query |= Q(**{f"{f.attname}__in": list(ids[f.related_model._meta.label_lower])})
    return list(model._default_manager.filter(query).order_by("pk"))


class _Writer:
    """Collects the archive's members, then writes them in name order with their checksums."""

    def __init__(self) -> None:
        self.members: dict[str, bytes | Path] = {}

    def add(self, name: str, content: bytes | Path) -> None:
        self.members[name] = content

    def write(self, target: Any, manifest: dict) -> None:
        sums = {}
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(self.members):
                content = self.members[name]
                data = content.read_bytes() if isinstance(content, Path) else content
                sums[name] = hashlib.sha256(data).hexdigest()
                info = zipfile.ZipInfo(name, ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
            manifest["files"] = sums
            info = zipfile.ZipInfo("manifest.json", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, dumps(manifest))


def _serialise(obj, model, village, ids, emails, writer, missing) -> dict[str, Any]:
    label = model._meta.label_lower
    out: dict[str, Any] = {"id": ids[label][obj.pk] if label in ids else 1}
    for f in model._meta.concrete_fields:
        if f.primary_key:
            continue
        value = f.value_from_object(obj)
        if f.is_relation and value is not None:
            target = f.related_model._meta.label_lower
            if f.related_model is Village:
                value = 1
            elif f.related_model is User:
                emails.add(value)
                value = ("user", value)
            elif target in ids:
                value = ids[target][value]
        elif isinstance(f, models.FileField):
            value = value.name or ""
            if value:
                _add_file(writer, f"files/{label}/{f.name}/{value}", f.storage, value, missing)
        out[f.name] = value
    return out


def _add_file(writer: _Writer, path: str, storage, name: str, missing: list[str]) -> None:
    try:
        with storage.open(name, "rb") as fh:
            writer.add(path, fh.read())
    except (FileNotFoundError, OSError):
        missing.append(path)  # a row whose file was lost: noted, not fatal


def village_archive_write(*, village: Village, target: Any, progress: Any = None) -> dict[str, Any]:
    """Write the village's archive to `target` (a path or a binary file); return the manifest.
    `progress(percent)` is called while the rows are read (the dashboard polls it)."""
    chosen = village_models()
    ids: dict[str, dict[Any, int]] = {}
    rows: dict[str, list] = {}
    for n, model in enumerate(chosen):
        if progress and n % 5 == 0:
            progress(10 + 80 * n // max(1, len(chosen)))
        label = model._meta.label_lower
        rows[label] = _rows(model, village, ids)
        ids[label] = {obj.pk: n for n, obj in enumerate(rows[label], start=1)}
    writer, emails, missing = _Writer(), set(), []
    village_row = _serialise(village, Village, village, ids, emails, writer, missing)
    data = {
        label: [_serialise(o, type(o), village, ids, emails, writer, missing) for o in objs]
        for label, objs in rows.items()
    }
    users = {u.pk: u for u in User.objects.filter(pk__in=emails)}
    for row in [village_row, *(r for objs in data.values() for r in objs)]:
        for key, value in row.items():
            if isinstance(value, tuple):
                row[key] = users[value[1]].email
    writer.add("data/village.json", dumps(village_row))
    people = [{"email": u.email, "name": u.name, "phone": u.phone} for u in users.values()]
    writer.add("data/users.json", dumps(sorted(people, key=lambda p: p["email"])))
    manifest_models = []
    for model in chosen:
        label = model._meta.label_lower
        writer.add(f"data/{label}.json", dumps(data[label]))
        writer.add(f"data/{label}.csv", _csv(model, data[label]))
        manifest_models.append(
            {"model": label, "rows": len(data[label]), "fields": field_names(model)}
        )
    manifest = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "created_at": timezone.now().isoformat(),
        "village": {
            "slug": village.slug,
            "region": village.region_id,
            "name": village.display_name,
        },
        "village_fields": field_names(Village),
        "models": manifest_models,
        "missing_files": missing,
    }
    writer.write(target, manifest)
    return manifest


def _csv(model, rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    columns = ["id", *field_names(model)]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_value(encode(row.get(c))) for c in columns])
    return out.getvalue().encode()


def village_export_run(*, export_id: int) -> int:
    """Build one VillageExport's archive (the task behind the dashboard's backup page)."""
    import tempfile

    from balai.audit.services import audit_record
    from balai.support.models import VillageExport

    export = VillageExport.objects.select_related("village__region", "requested_by").get(
        pk=export_id
    )
    if export.status == VillageExport.Status.DONE:
        return export.size
    VillageExport.objects.filter(pk=export.pk).update(status="running", progress=10)
    try:
        with tempfile.TemporaryFile() as fh:
            manifest = village_archive_write(
                village=export.village,
                target=fh,
                progress=lambda pct: VillageExport.objects.filter(pk=export.pk).update(
                    progress=pct
                ),
            )
            fh.seek(0)
            export.file.save(f"{export.village.slug}.zip", File(fh), save=False)
            export.size = export.file.size
    except Exception:
        VillageExport.objects.filter(pk=export.pk).update(status="failed", progress=0)
        raise
    export.status, export.progress, export.finished_at = "done", 100, timezone.now()
    export.save(update_fields=["file", "size", "status", "progress", "finished_at"])
    rows = sum(m["rows"] for m in manifest["models"])
    audit_record(
        actor=export.requested_by,
        action="village.export",
        target=export.village.slug,
        village=export.village,
        rows=rows,
    )
    return export.size


def village_rows_purge(*, village: Village) -> int:
    """Delete every row of the village (children first) and the village itself. For restores
    and tests; the district never does this from a page."""
    chosen = village_models()
    ids: dict[str, dict[Any, int]] = defaultdict(dict)
    found = {}
    for model in chosen:
        label = model._meta.label_lower
        found[label] = _rows(model, village, ids)
        ids[label] = {o.pk: 1 for o in found[label]}
    deleted = 0
    for model in reversed(chosen):
        label = model._meta.label_lower
        deleted += model._base_manager.filter(pk__in=list(ids[label])).delete()[0]
    for model in _excluded_village_models():
        for f in _fks(model):
            if f.related_model is Village:
                deleted += model._base_manager.filter(**{f.attname: village.pk}).delete()[0]
    Village.objects.filter(pk=village.pk).delete()
    return deleted


def _excluded_village_models() -> list[type[models.Model]]:
    from django.apps import apps

    from balai.support.backup_schema import EXCLUDED

    return [apps.get_model(label) for label in sorted(EXCLUDED)]
