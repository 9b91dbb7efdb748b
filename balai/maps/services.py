"""Writes of the maps module: boundaries (one village's, or every desa's from one file), dusun/RW
areas, points and potential. Every write checks the whole input first and writes all or nothing;
a boundary bumps the village's and the district's content versions (it is not village-owned, so
no signal does it)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import IO, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.lib.storage import working_storage
from balai.maps.formats import Feature, FormatError, read_features
from balai.maps.geometry import (
    GeometryError,
    MultiPolygon,
    area_km2,
    extent_of,
    polygons_check,
    simplify,
    vertex_count,
)
from balai.maps.models import Boundary, BoundaryLoad, MapArea, MapSettings, Place, Potential
from balai.regions.models import Region
from balai.villages.cache import district_version_bump
from balai.villages.content import content_changed
from balai.villages.models import Village

MAX_VILLAGE_FEATURES = 200  # polygons in one village's boundary or areas file
# The display geometry keeps detail down to 1/1000 of the shape's size: about a pixel of the
# village map (480 units wide), so drawing it needs no further simplification.
DISPLAY_DETAIL = 1000


class MapError(ValueError):
    """Refused input; the message says why in Indonesian."""


def map_settings() -> MapSettings:
    found, _created = MapSettings.objects.get_or_create(pk=1)
    return found


def _display(polygons: MultiPolygon) -> MultiPolygon:
    tolerance = extent_of(polygons).diagonal / DISPLAY_DETAIL
    return simplify(polygons, tolerance)


def _as_json(polygons: MultiPolygon) -> list[Any]:
    return [[[list(p) for p in ring] for ring in polygon] for polygon in polygons]


def features_read(upload: IO[bytes], *, max_features: int = MAX_VILLAGE_FEATURES) -> list[Feature]:
    try:
        return read_features(upload, max_features=max_features)
    except FormatError as exc:
        raise MapError(str(exc)) from exc


def _checked(polygons: MultiPolygon, what: str = "") -> MultiPolygon:
    try:
        return polygons_check(polygons, area=map_settings().extent, what=what)
    except GeometryError as exc:
        raise MapError(str(exc)) from exc


def _boundary_write(*, region: Region, polygons: MultiPolygon, source: str, actor: Any) -> Boundary:
    display = _display(polygons)
    boundary, _created = Boundary.objects.update_or_create(
        region=region,
        defaults={
            "geometry": _as_json(polygons),
            "display": _as_json(display),
            "vertices": vertex_count(polygons),
            "area_km2": round(area_km2(polygons), 3),
            "source": source[:120],
            "updated_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    return boundary


def _changed(region_code: str) -> None:
    village_id = Village.objects.filter(region_id=region_code).values_list("pk", flat=True).first()
    if village_id:
        content_changed(village_id)
    district_version_bump()
    transaction.on_commit(district_version_bump)


def boundary_upload(*, village: Village, upload: IO[bytes], source: str, actor: Any) -> Boundary:
    """A village's boundary from a file: every polygon of every feature is one multipolygon."""
    features = _own_features(features_read(upload), village)
    polygons = _checked([p for f in features for p in f.polygons])
    with transaction.atomic():
        boundary = _boundary_write(
            region=village.region, polygons=polygons, source=source, actor=actor
        )
        _changed(village.region_id)
    return boundary


MAX_PARTS = 10  # features of one village's boundary file (a desa with a few islets or enclaves)


def _own_features(features: list[Feature], village: Village) -> list[Feature]:
    """A file of many desa (the kabupaten's) gives this village's own feature, found by its
    region code in any property; otherwise every feature is a part of the one boundary."""
    if len(features) == 1:
        return features
    code = village.region.digits
    own = [f for f in features if any(_digits(v) == code for v in f.properties.values())]
    if own:
        return own
    if len(features) > MAX_PARTS:
        raise MapError(
            _(
                "Berkas ini berisi %(n)s wilayah dan tidak ada yang berkode desa ini "
                "(%(code)s). Unggah berkas batas desa ini saja."
            )
            % {"n": len(features), "code": village.region.code}
        )
    return features


def boundary_delete(*, village: Village) -> None:
    with transaction.atomic():
        Boundary.objects.filter(region_id=village.region_id).delete()
        _changed(village.region_id)


def areas_upload(
    *, village: Village, upload: IO[bytes], kind: str, name_property: str = ""
) -> list[MapArea]:
    """Dusun or RW areas, one per feature, named by `name_property` (or a usual name column).
    An area of the same kind and name is replaced; the file is refused whole on any problem."""
    features = features_read(upload)
    rows: list[tuple[str, MultiPolygon]] = []
    for index, feature in enumerate(features, start=1):
        name = feature.name(name_property).strip()[:80]
        if not name:
            raise MapError(
                _(
                    "Wilayah ke-%(n)s tidak punya nama. Pilih kolom yang berisi nama dusun/RW "
                    "(misalnya nama atau NAMOBJ)."
                )
                % {"n": index}
            )
        rows.append((name, _checked(feature.polygons, what=name)))
    names = [n for n, _p in rows]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise MapError(_("Nama %(name)s muncul lebih dari sekali di berkas.") % {"name": duplicate})
    with transaction.atomic():
        MapArea.objects.for_village(village).filter(kind=kind, name__in=names).delete()
        return [
            MapArea.objects.create(
                village=village,
                kind=kind,
                name=name,
                geometry=_as_json(polygons),
                display=_as_json(_display(polygons)),
                area_km2=round(area_km2(polygons), 3),
            )
            for name, polygons in rows
        ]


def photo_row_save(*, village: Village, row: Place | Potential, photo: Any = None) -> None:
    """Save a point or a potential entry with its checked, re-encoded photo (if a new one)."""
    row.village = village
    with transaction.atomic():
        if photo:
            row.photo.save(f"p.{photo.extension}", ContentFile(photo.content), save=False)
        row.save()


def photo_row_delete(*, row: Place | Potential) -> None:
    """Delete the row, and its photo once the deletion has committed."""
    storage, name = row.photo.storage, row.photo.name
    with transaction.atomic():
        row.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))


# ---------------------------------------------------------------------------------------------
# The district's load of every desa's boundary

CODE_PROPERTIES = ("kode_desa", "KDEPUM", "kode", "KODE", "kd_desa", "KDCPUM", "kode_wilayah")


def code_properties(features: Sequence[Feature]) -> list[str]:
    """The properties of a file, the usual region-code names first (for the operator's pick)."""
    keys: list[str] = []
    for feature in features[:50]:
        for key in feature.properties:
            if key not in keys:
                keys.append(key)
    return sorted(keys, key=lambda k: (k not in CODE_PROPERTIES, keys.index(k)))


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def bulk_load_start(
    *, upload: IO[bytes], filename: str, key_property: str, actor: Any
) -> BoundaryLoad:
    """Keep the file in the working storage and queue the load."""
    from balai.maps.tasks import boundary_load_task

    path = working_storage().save(f"peta/{uuid.uuid4().hex}.bin", ContentFile(upload.read()))
    load = BoundaryLoad.objects.create(
        path=path, filename=filename[:200], key_property=key_property[:60], created_by=actor
    )
    boundary_load_task.enqueue(load.pk)  # the database backend commits the task row with ours
    return load


def _load_fail(load: BoundaryLoad, message: str) -> None:
    load.status = BoundaryLoad.Status.FAILED
    load.error = message[:400]
    load.finished_at = timezone.now()
    load.save(update_fields=["status", "error", "finished_at"])


def bulk_load_run(*, load_id: int) -> None:
    """Match each feature to a desa of the kabupaten by its code, check it and write it.
    Idempotent: a load already taken is left alone. Each desa is written on its own, so one
    refused shape does not hold back the others; the report names every one."""
    from django.conf import settings

    taken = BoundaryLoad.objects.filter(pk=load_id, status=BoundaryLoad.Status.WAITING).update(
        status=BoundaryLoad.Status.RUNNING
    )
    if not taken:
        return
    load = BoundaryLoad.objects.get(pk=load_id)
    storage = working_storage()
    try:
        with storage.open(load.path, "rb") as handle:
            features = read_features(handle)
    except (FormatError, OSError) as exc:
        _load_fail(load, str(exc) if isinstance(exc, FormatError) else _("Berkas tidak terbaca."))
        return
    finally:
        storage.delete(load.path)
    if not any(load.key_property in f.properties for f in features):
        _load_fail(
            load,
            _("Kolom %(key)s tidak ada di berkas. Kolom yang ada: %(keys)s.")
            % {"key": load.key_property, "keys": ", ".join(code_properties(features)[:12]) or "-"},
        )
        return
    desa = {
        r.digits: r
        for r in Region.objects.filter(
            level=Region.Level.DESA, code__startswith=f"{settings.DISTRICT_REGION_CODE}."
        )
    }
    load.total = len(features)
    load.save(update_fields=["total"])
    report: dict[str, list[Any]] = {"matched": [], "unmatched": [], "refused": []}
    seen: set[str] = set()
    for index, feature in enumerate(features, start=1):
        _load_one(feature, load, desa, seen, report)
        if index % 10 == 0 or index == len(features):
            BoundaryLoad.objects.filter(pk=load.pk).update(done=index)
    load.refresh_from_db(fields=["done"])
    load.report = report
    load.status = BoundaryLoad.Status.DONE
    load.finished_at = timezone.now()
    load.save(update_fields=["report", "status", "finished_at"])


def _load_one(
    feature: Feature,
    load: BoundaryLoad,
    desa: dict[str, Region],
    seen: set[str],
    report: dict[str, list[Any]],
) -> None:
    raw = feature.properties.get(load.key_property, "")
    label = feature.name() or raw or "?"
    region = desa.get(_digits(raw))
    if region is None:
        report["unmatched"].append({"code": raw[:40], "name": label[:80]})
        return
    if region.code in seen:
        report["refused"].append(
            {"code": region.code, "name": region.name, "reason": _("Kode ini muncul dua kali.")}
        )
        return
    seen.add(region.code)
    try:
        polygons = _checked(feature.polygons, what=region.name)
    except MapError as exc:
        report["refused"].append({"code": region.code, "name": region.name, "reason": str(exc)})
        return
    with transaction.atomic():
        _boundary_write(
            region=region, polygons=polygons, source=load.filename, actor=load.created_by
        )
        _changed(region.code)
    report["matched"].append({"code": region.code, "name": region.name})
