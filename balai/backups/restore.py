"""Restoring a village from its archive: every check first, then all rows in one transaction.

Refused with a reason in Indonesian: not a zip, no manifest, another format or schema version,
a file whose checksum does not match, a model or column this install does not know, a region
missing here (an archive from another district) or already served by a site, a slug in use, an
uploaded file whose name is already taken here by a different file (restoring never overwrites
another village's upload). Archives written before the support app was split name its models
by their old labels (`support.helprequest`); they restore under the new ones.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.files.base import ContentFile
from django.db import models, transaction

from balai.accounts.models import User
from balai.audit.services import audit_record
from balai.backups.schema import FORMAT, RENAMED, SCHEMA_VERSION, field_names, village_models
from balai.regions.models import Region
from balai.villages.content import content_changed
from balai.villages.models import Village

# (model, the label it has in the archive: its own, or its label before a move)
Chosen = list[tuple[type[models.Model], str]]


class RestoreError(Exception):
    """The archive is refused; the message says why, for the operator."""


def _open(path: str) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise RestoreError("Berkas ini bukan arsip ZIP yang utuh (rusak atau terpotong).") from exc
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except KeyError as exc:
        raise RestoreError("Ini bukan arsip cadangan Balai: manifest.json tidak ada.") from exc
    except (ValueError, zipfile.BadZipFile) as exc:
        raise RestoreError("manifest.json rusak dan tidak dapat dibaca.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError("Ini bukan arsip cadangan desa dari Balai (format tidak dikenal).")
    return zf, manifest


def _check_files(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    sums: dict[str, str] = manifest.get("files") or {}
    present = set(zf.namelist()) - {"manifest.json"}
    for extra in sorted(present - set(sums)):
        raise RestoreError(f"Berkas {extra} ada di arsip tetapi tidak tercatat di manifest.")
    for name, expected in sorted(sums.items()):
        if name not in present:
            raise RestoreError(f"Berkas {name} tercatat di manifest tetapi tidak ada di arsip.")
        try:
            digest = hashlib.sha256(zf.read(name)).hexdigest()
        except (zipfile.BadZipFile, OSError) as exc:
            raise RestoreError(f"Berkas {name} di arsip rusak.") from exc
        if digest != expected:
            raise RestoreError(f"Berkas {name} rusak: checksum SHA-256 tidak cocok.")


def _check_schema(manifest: dict[str, Any]) -> Chosen:
    version = manifest.get("schema_version")
    if version != SCHEMA_VERSION:
        raise RestoreError(
            f"Versi skema arsip {version}, sedangkan instalasi ini memakai versi {SCHEMA_VERSION}."
        )
    if manifest.get("village_fields") != field_names(Village):
        raise RestoreError("Kolom situs desa di arsip berbeda dengan instalasi ini.")
    known = {m._meta.label_lower: m for m in village_models()}
    ordered: Chosen = []
    for entry in manifest.get("models", []):
        model = known.get(RENAMED.get(entry["model"], entry["model"]))
        if model is None:
            raise RestoreError(f"Model {entry['model']} di arsip tidak dikenal di instalasi ini.")
        if entry["fields"] != field_names(model):
            raise RestoreError(
                f"Kolom model {entry['model']} di arsip berbeda dengan instalasi ini."
            )
        ordered.append((model, entry["model"]))
    return ordered


def _check_village(row: dict[str, Any]) -> None:
    code, slug = row.get("region"), row.get("slug")
    if not Region.objects.filter(code=code).exists():
        raise RestoreError(
            f"Wilayah {code} tidak ada di instalasi ini: arsip ini dari kabupaten lain?"
        )
    existing = Village.objects.filter(region_id=code).first()
    if existing:
        raise RestoreError(f"Wilayah {code} sudah punya situs desa ({existing.slug}).")
    if Village.objects.filter(slug=slug).exists():
        raise RestoreError(f"Alamat situs {slug} sudah dipakai desa lain.")


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _check_uploads(zf: zipfile.ZipFile, chosen: Chosen) -> set[str]:
    """Refuse an upload whose name is taken here by a different file; return the names already
    present with the same bytes (a village restored where it was purged), left as they are."""
    same: set[str] = set()
    for model, archived in chosen:
        fields = _file_fields(model)
        if not fields:
            continue
        for row in json.loads(zf.read(f"data/{archived}.json")):
            for f in fields:
                name = row.get(f.name)
                if not name or not f.storage.exists(name):
                    continue
                with f.storage.open(name, "rb") as fh:
                    here = fh.read()
                if here != zf.read(f"files/{archived}/{f.name}/{name}"):
                    raise RestoreError(f"Berkas {name} sudah ada di instalasi ini dengan isi lain.")
                same.add(name)
    return same


@contextmanager
def _keep_timestamps(chosen: list[type[models.Model]]) -> Iterator[None]:
    """auto_now fields would stamp the restore time over the archived one."""
    models_: list[type[models.Model]] = [Village, *chosen]
    fields: list[Any] = [
        f
        for m in models_
        for f in m._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add


class _Loader:
    def __init__(self, zf: zipfile.ZipFile, present: set[str]) -> None:
        self.zf = zf
        self.present = present
        self.new_ids: dict[str, dict[int, Any]] = {}
        self.users: dict[str, int] = {}
        self.files: list[tuple[models.FileField, str, str]] = []

    def users_create(self) -> None:
        people = json.loads(self.zf.read("data/users.json"))
        existing = {
            u.email: u.pk for u in User.objects.filter(email__in=[p["email"] for p in people])
        }
        for person in people:
            if person["email"] not in existing:
                user = User.objects.create_user(
                    person["email"], None, name=person["name"], phone=person["phone"]
                )
                existing[person["email"]] = user.pk
        self.users = existing

    def instance(
        self, model: type[models.Model], row: dict[str, Any], archived: str
    ) -> tuple[models.Model, dict[str, int]]:
        label = model._meta.label_lower
        values: dict[str, Any] = {}
        later: dict[str, int] = {}
        for f in model._meta.concrete_fields:
            if f.primary_key:
                continue
            value = row.get(f.name)
            if f.is_relation and value is not None:
                target = f.related_model._meta.label_lower  # type: ignore[union-attr]
                if f.related_model is Village:
                    value = self.new_ids["villages.village"][1]
                elif f.related_model is User:
                    value = self.users[value]
                elif target in self.new_ids and value in self.new_ids[target]:
                    value = self.new_ids[target][value]
                elif target == label:
                    later[f.attname], value = value, None  # a row pointing to a later row
                elif target in self.new_ids:
                    raise RestoreError(f"Baris {label} #{row['id']} menunjuk baris yang tidak ada.")
                else:
                    self._check_outside(f, value, label, row)
                values[f.attname] = value
            elif isinstance(f, models.FileField):
                values[f.attname] = value or ""
                if value:
                    self.files.append((f, value, f"files/{archived}/{f.name}/{value}"))
            elif f.is_relation or value is None or isinstance(f, models.JSONField):
                values[f.attname] = value
            else:
                values[f.attname] = f.to_python(value)
        return model(**values), later

    def _check_outside(
        self, f: models.Field[Any, Any], value: Any, label: str, row: dict[str, Any]
    ) -> None:
        related: Any = f.related_model
        if not related._default_manager.filter(pk=value).exists():
            raise RestoreError(
                f"Baris {label} #{row['id']} menunjuk {related._meta.label_lower} "
                f"{value} yang tidak ada di instalasi ini."
            )

    def load(self, model: type[models.Model], rows: list[dict[str, Any]], archived: str) -> None:
        label = model._meta.label_lower
        built = [self.instance(model, row, archived) for row in rows]
        created = model._base_manager.bulk_create([obj for obj, _later in built], batch_size=500)
        self.new_ids[label] = {row["id"]: obj.pk for row, obj in zip(rows, created, strict=True)}
        for obj, later in built:
            if later:
                fixed = {k: self.new_ids[label][v] for k, v in later.items()}
                model._base_manager.filter(pk=obj.pk).update(**fixed)

    def files_write(self) -> None:
        for field, name, path in self.files:
            if name in self.present:
                continue  # the same bytes are already there (checked before writing)
            saved = field.storage.save(name, ContentFile(self.zf.read(path)))
            if saved != name:
                raise RestoreError(f"Berkas {name} tidak dapat disimpan dengan nama aslinya.")


def village_restore(*, path: str, actor: Any = None) -> Village:
    """Check the archive completely, then restore everything or nothing."""
    zf, manifest = _open(path)
    with zf:
        _check_files(zf, manifest)
        chosen = _check_schema(manifest)
        village_row = json.loads(zf.read("data/village.json"))
        _check_village(village_row)
        loader = _Loader(zf, _check_uploads(zf, chosen))
        with transaction.atomic(), _keep_timestamps([m for m, _archived in chosen]):
            loader.users_create()
            loader.load(Village, [village_row], "villages.village")
            for model, archived in chosen:
                loader.load(model, json.loads(zf.read(f"data/{archived}.json")), archived)
            loader.files_write()
            village = Village.objects.get(pk=loader.new_ids["villages.village"][1])
            # Rows went in without signals: the district's cached pages learn of the village here.
            content_changed(village)
    audit_record(actor=actor, action="village.restore", target=village.slug)
    return village
