"""A village's whole data as one zip archive (restored by restore.py).

Archive layout (documented for villages in docs/backup.md):
  manifest.json            format, schema version, village, models with row counts, sha256 of
                           every other file
  data/village.json        the village row; data/<app>.<model>.json and .csv per model
  data/users.json          the people the rows point to (email, name; never passwords)
  files/<app>.<model>/<field>/<name>   the uploaded files
Row ids are numbered 1, 2, … per model in primary-key order and links use those numbers, so an
archive does not depend on the ids of the install it came from; links to people are emails and
links to regions are Kemendagri codes.

The JSON files are the data: the restore reads only them. The CSV copies are for spreadsheets,
so they go through the formula guard (balai.lib.exports): a name typed as `=HYPERLINK(…)` is
shown as text in Excel, while its JSON keeps it byte for byte.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from django.core.files.storage import Storage
from django.db import models
from django.db.models import Q
from django.utils import timezone

from balai.accounts.models import User
from balai.backups.schema import (
    FORMAT,
    SCHEMA_VERSION,
    csv_value,
    dumps,
    encode,
    field_names,
    village_models,
)
from balai.lib.exports import csv_bytes
from balai.villages.models import Village

ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the same data gives the same bytes
Ids = dict[str, dict[Any, int]]


def _fks(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if f.is_relation]


def _label(model: type[models.Model] | None) -> str:
    assert model is not None  # a concrete relation always has its model
    return model._meta.label_lower


def village_rows(model: type[models.Model], village: Village, ids: Ids) -> list[models.Model]:
    """The model's rows that point to the village, or to rows of it already collected in
    `ids` (label → {pk: …}), in primary-key order."""
    query = Q(pk__in=[])
    for f in _fks(model):
        if f.related_model is Village:
            query |= Q(**{f.attname: village.pk})
        elif _label(f.related_model) in ids:
            query |= Q(**{f"{f.attname}__in": list(ids[_label(f.related_model)])})
    return list(model._default_manager.filter(query).order_by("pk"))


class _Writer:
    """Collects the archive's members, then writes them in name order with their checksums."""

    def __init__(self) -> None:
        self.members: dict[str, bytes | Path] = {}

    def add(self, name: str, content: bytes | Path) -> None:
        self.members[name] = content

    def write(self, target: str | Path | IO[bytes], manifest: dict[str, Any]) -> None:
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


class _Serialiser:
    """Turns rows into JSON-ready dicts: links become archive ids, emails or region codes, and
    each named upload is copied into the archive."""

    def __init__(self, ids: Ids, writer: _Writer) -> None:
        self.ids, self.writer = ids, writer
        self.user_ids: set[int] = set()
        self.missing: list[str] = []

    def row(self, obj: models.Model) -> dict[str, Any]:
        model = type(obj)
        label = _label(model)
        out: dict[str, Any] = {"id": self.ids[label][obj.pk] if label in self.ids else 1}
        for f in model._meta.concrete_fields:
            if f.primary_key:
                continue
            value = f.value_from_object(obj)
            if f.is_relation and value is not None:
                target = _label(f.related_model)
                if f.related_model is Village:
                    value = 1
                elif f.related_model is User:
                    self.user_ids.add(value)
                    value = ("user", value)
                elif target in self.ids:
                    value = self.ids[target][value]
            elif isinstance(f, models.FileField):
                value = value.name or ""
                if value:
                    self._file(f"files/{label}/{f.name}/{value}", f.storage, value)
            out[f.name] = value
        return out

    def _file(self, path: str, storage: Storage, name: str) -> None:
        try:
            with storage.open(name, "rb") as fh:
                self.writer.add(path, fh.read())
        except OSError:
            self.missing.append(path)  # a row whose file was lost: noted, not fatal


def village_archive_write(
    *,
    village: Village,
    target: str | Path | IO[bytes],
    progress: Callable[[int], Any] | None = None,
) -> dict[str, Any]:
    """Write the village's archive to `target` (a path or a binary file); return the manifest.
    `progress(percent)` is called while the rows are read (the dashboard polls it)."""
    chosen = village_models()
    ids: Ids = {}
    rows: dict[str, list[models.Model]] = {}
    for n, model in enumerate(chosen):
        if progress and n % 5 == 0:
            progress(10 + 80 * n // max(1, len(chosen)))
        label = _label(model)
        rows[label] = village_rows(model, village, ids)
        ids[label] = {obj.pk: i for i, obj in enumerate(rows[label], start=1)}
    writer = _Writer()
    serialiser = _Serialiser(ids, writer)
    village_row = serialiser.row(village)
    data = {label: [serialiser.row(o) for o in objs] for label, objs in rows.items()}
    users = {u.pk: u for u in User.objects.filter(pk__in=serialiser.user_ids)}
    for row in [village_row, *(r for objs in data.values() for r in objs)]:
        for key, value in row.items():
            if isinstance(value, tuple):
                row[key] = users[value[1]].email
    writer.add("data/village.json", dumps(village_row))
    people = [{"email": u.email, "name": u.name, "phone": u.phone} for u in users.values()]
    writer.add("data/users.json", dumps(sorted(people, key=lambda p: p["email"])))
    manifest_models = []
    for model in chosen:
        label = _label(model)
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
        "missing_files": serialiser.missing,
    }
    writer.write(target, manifest)
    return manifest


def _csv(model: type[models.Model], rows: list[dict[str, Any]]) -> bytes:
    columns = ["id", *field_names(model)]
    return csv_bytes([columns, *([csv_value(encode(row.get(c))) for c in columns] for row in rows)])
