"""The village's identity and government from OpenSID: the office's address, telephone, e-mail
and location from `config`, its logo from `desa/logo/`, and the active officials
(`tweb_desa_pamong`, with their positions from `ref_jabatan` and photos from
`desa/upload/user_pict/`).

A Balai site may already be set up: the move fills only what is empty (address, telephone,
e-mail, location, logo) and says in the report what it kept. Officials are matched by their
OpenSID id, so a second run updates them instead of adding them again.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.lib.uploads import IMAGE_TYPES, UploadError, inspect_file, reencode_image
from balai.moving.content import DesaFolder, _readable, moved_ids
from balai.moving.opensid import Backup

SOURCE = "opensid"


@dataclass
class IdentityPlan:
    fields: dict[str, Any] = field(default_factory=dict)  # Village field → value
    logo: bytes | None = None
    officials: list[dict[str, Any]] = field(default_factory=list)


def _text(value: Any) -> str:
    return str(value or "").strip()


def _image(
    folder: DesaFolder | None, ref: RowRef, column: str, issues: Issues, *paths: str
) -> bytes | None:
    if folder is None or not any(paths):
        return None
    found = folder.first(*paths)
    if found is None:
        issues.warn(
            ref,
            column,
            _("Gambar “%(f)s” tidak ada di zip folder desa.") % {"f": posixpath.basename(paths[0])},
        )
        return None
    try:
        inspect_file(_readable(found[1]), allowed=IMAGE_TYPES)
    except UploadError as error:
        issues.warn(
            ref,
            column,
            _("“%(f)s” dilewati: %(why)s") % {"f": posixpath.basename(found[0]), "why": str(error)},
        )
        return None
    return found[1]


def _coordinate(value: Any, low: float, high: float) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number.quantize(Decimal("0.000001")) if low <= number <= high else None


def plan_identity(backup: Backup, folder: DesaFolder | None, issues: Issues) -> IdentityPlan:
    staged = backup.staged
    plan = IdentityPlan()
    config = next(iter(staged.rows("config")), None)
    if config is not None:
        ref: RowRef = (6, "config", int(config["id"]))
        plan.fields = {
            "office_address": _text(config["alamat_kantor"])[:200],
            "phone": _text(config["telepon"])[:20],
            "email": _text(config["email_desa"])[:254],
            "latitude": _coordinate(config["lat"], -11, 6),
            "longitude": _coordinate(config["lng"], 95, 141),
        }
        logo = posixpath.basename(_text(config["logo"]))
        if logo:
            plan.logo = _image(folder, ref, "logo", issues, f"logo/{logo}")
    tables = staged.summary.tables
    if "tweb_desa_pamong" not in tables:
        return plan
    positions = {}
    if "ref_jabatan" in tables:
        positions = {r["id"]: _text(r["nama"]) for r in staged.rows("ref_jabatan")}
    names = {
        r[0]: _text(r[1]) for r in staged.connection.execute("SELECT id, nama FROM tweb_penduduk")
    }
    columns = set(tables["tweb_desa_pamong"].columns)
    for row in staged.rows("tweb_desa_pamong"):
        ref = (7, "tweb_desa_pamong", int(row["pamong_id"]))
        if "pamong_status" in columns and str(row["pamong_status"]) not in ("1", "None"):
            continue  # no longer in office
        name = names.get(row["id_pend"]) if row["id_pend"] else _text(row["pamong_nama"])
        if not name:
            issues.warn(ref, "pamong_nama", _("Perangkat tanpa nama; dilewati."))
            continue
        if not row["id_pend"]:
            front = _text(row["gelar_depan"]) if "gelar_depan" in columns else ""
            back = _text(row["gelar_belakang"]) if "gelar_belakang" in columns else ""
            name = " ".join(p for p in (front, name) if p) + (f", {back}" if back else "")
        position = positions.get(row["jabatan_id"]) if "jabatan_id" in columns else ""
        if not position and "pamong_jabatan" in columns:
            position = _text(row["pamong_jabatan"])
        photo = posixpath.basename(_text(row["foto"]))
        plan.officials.append(
            {
                "id": str(row["pamong_id"]),
                "name": name[:120],
                "position": (position or _("Perangkat desa"))[:120],
                "order": int(row["urut"] or 0) if "urut" in columns else 0,
                "photo": _image(
                    folder,
                    ref,
                    "foto",
                    issues,
                    f"upload/user_pict/{photo}",
                    f"upload/user_pict/kecil_{photo}",
                )
                if photo
                else None,
            }
        )
    return plan


def write_identity(village: Any, plan: IdentityPlan, stored: Any) -> dict[str, Any]:
    """Inside the caller's transaction. Fills only the empty fields of the village."""
    from balai.moving.content import _remember_one
    from balai.villages.models import Official, Village

    filled = []
    kept = []
    for name, value in plan.fields.items():
        if value in (None, ""):
            continue
        if getattr(village, name) in (None, ""):
            setattr(village, name, value)
            filled.append(name)
        elif getattr(village, name) != value:
            kept.append(name)
    if plan.logo is not None:
        if not village.logo:
            encoded = reencode_image(_readable(plan.logo), max_side=512, square=True)
            village.logo.save(f"logo.{encoded.extension}", ContentFile(encoded.content), save=False)
            stored.names.append(village.logo.name or "")
            filled.append("logo")
        else:
            kept.append("logo")
    if filled:
        Village.objects.filter(pk=village.pk).update(
            **{name: getattr(village, name) for name in filled}
        )
    done = moved_ids(village, "perangkat")
    officials = 0
    for item in plan.officials:
        official = None
        if item["id"] in done:
            official = Official.objects.for_village(village).filter(pk=done[item["id"]]).first()
        if official is None:
            official = Official(village=village)
        official.name, official.position, official.order = (
            item["name"],
            item["position"],
            item["order"],
        )
        if item["photo"] is not None and not official.photo:
            encoded = reencode_image(_readable(item["photo"]), max_side=600, square=True)
            official.photo.save(
                f"foto.{encoded.extension}", ContentFile(encoded.content), save=False
            )
            stored.names.append(official.photo.name or "")
        official.save()
        _remember_one(village, "perangkat", item["id"], official.pk)
        officials += 1
    return {"filled": filled, "kept": kept, "officials": officials}
