"""Files stored before the storage checked them: give each the name the storage would give it
now, and take out those it would refuse (`manage.py uploads_fix`).

A management command rather than a data migration: it reads every stored file (from disk or
the bucket), which can take long and must be re-runnable, previewed (`--dry-run`) and watched;
a migration would hold the deploy and the schema lock for it.

For every FileField row: the file is inspected as the storage inspects a new upload. Named as
the storage would name it (`<folder>/<32 hex>.<detected extension>`): left alone. A safe file
under another name: saved again under the right name, the rows that point to it updated (a
demo picture can be shared by many rows), the old file deleted. A file the storage would refuse
(a page, a script, a PDF with JavaScript): listed; with `quarantine`, moved out of storage into
`VAR_DIR/karantina/` and the field emptied, so it can no longer be served.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage
from django.db import models

from balai.lib.storage import checks_uploads, stored_name
from balai.lib.uploads import UploadError, inspect_file


@dataclass
class FixReport:
    checked: int = 0
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (row, old, new)
    unsafe: list[tuple[str, str, str]] = field(default_factory=list)  # (row, name, why)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (row, name)
    quarantined: list[str] = field(default_factory=list)


@dataclass
class _Row:
    model: type[models.Model]
    pk: Any
    field: models.FileField

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}#{self.pk}.{self.field.name}"


def _file_rows() -> Iterator[tuple[_Row, str]]:
    for model in apps.get_models():
        for f in model._meta.get_fields():
            if not isinstance(f, models.FileField) or not checks_uploads(f.storage):
                continue
            rows = model._base_manager.exclude(**{f.attname: ""}).exclude(**{f.attname: None})
            for pk, name in rows.order_by("pk").values_list("pk", f.attname).iterator():
                yield _Row(model, pk, f), name


def stored_uploads_fix(*, dry_run: bool = False, quarantine: bool = False) -> FixReport:
    report = FixReport()
    done: dict[tuple[str, str], str | None] = {}  # (storage, old name) -> new name
    old_files: list[tuple[Storage, str]] = []
    for row, name in _file_rows():
        report.checked += 1
        storage: Any = row.field.storage
        key = (f"{type(storage).__name__}:{getattr(storage, 'location', '')}", name)
        if key not in done:  # a file shared by many rows is fixed once
            done[key] = _fix_one(storage, name, row, report, dry_run, quarantine, old_files)
        new = done[key]
        if new is None or new == name or dry_run:
            continue
        row.model._base_manager.filter(pk=row.pk).update(**{row.field.attname: new})
        if new:
            report.renamed.append((row.label, name, new))
    for storage, name in old_files:  # only once every row points to the new name
        storage.delete(name)
    return report


def _fix_one(
    storage: Any,
    name: str,
    row: _Row,
    report: FixReport,
    dry_run: bool,
    quarantine: bool,
    old_files: list[tuple[Storage, str]],
) -> str | None:
    """The name the file should have ("" when it is taken out), None to leave it as it is."""
    if not storage.exists(name):
        report.missing.append((row.label, name))
        return None
    with storage.open(name, "rb") as handle:
        try:
            found = inspect_file(handle, allowed=storage.accepted, sized=False)
        except UploadError as exc:
            report.unsafe.append((row.label, name, str(exc)))
            if not quarantine or dry_run:
                return None
            _quarantine(handle, row, name)
            old_files.append((storage, name))
            report.quarantined.append(name)
            return ""
        wanted = stored_name(name, found)
        if wanted == name:
            return name
        if dry_run:
            report.renamed.append((row.label, name, wanted))
            return None
        handle.seek(0)
        folder = posixpath.dirname(name)
        new = str(storage.save(posixpath.join(folder, "x"), handle))
    old_files.append((storage, name))
    return new


def _quarantine(handle: Any, row: _Row, name: str) -> None:
    folder = Path(settings.VAR_DIR) / "karantina"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{row.label.replace('#', '-')}-{posixpath.basename(name)}.bin"
    handle.seek(0)
    target.write_bytes(handle.read())
