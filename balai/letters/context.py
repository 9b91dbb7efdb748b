"""The values a letter prints, read from the register, the village and the signer: one flat
dict keyed like the placeholder language (`penduduk.nama` → "SITI RAHAYU")."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _

from balai.lib.text import MONTHS_ID
from balai.population.models import Resident
from balai.villages.models import Official, Village

MONTHS = MONTHS_ID
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def long_date(day: datetime.date | None) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


def _label(text: str) -> str:
    """SIAK's capitals as a letter writes them: "BELUM KAWIN" → "Belum Kawin"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _age(born: datetime.date | None, on: datetime.date) -> str:
    if born is None:
        return ""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return str(years)


def resident_values(resident: Resident, on: datetime.date) -> dict[str, str]:
    family = resident.family
    area = resident.area or family.area
    head = next((m for m in family.members.all() if m.family_relation == 1), None)
    address_parts = [resident.current_address or family.address]
    if area:
        address_parts.append(f"RT {area.rt} / RW {area.rw}, {area.dusun}")
    return {
        "penduduk.nama": resident.name,
        "penduduk.nik": resident.nik if resident.nik != "0" else "",
        "penduduk.no_kk": family.number,
        "penduduk.tempat_lahir": _label(resident.birth_place),
        "penduduk.tanggal_lahir": long_date(resident.birth_date),
        "penduduk.tempat_tanggal_lahir": ", ".join(
            p for p in (_label(resident.birth_place), long_date(resident.birth_date)) if p
        ),
        "penduduk.umur": _age(resident.birth_date, on),
        "penduduk.jenis_kelamin": _label(resident.get_sex_display()),
        "penduduk.agama": _label(resident.get_religion_display() or ""),
        "penduduk.pekerjaan": _label(resident.get_occupation_display() or ""),
        "penduduk.pendidikan": _label(resident.get_education_kk_display() or ""),
        "penduduk.status_perkawinan": _label(resident.get_marital_status_display() or ""),
        "penduduk.kewarganegaraan": resident.get_citizenship_display() or "",
        "penduduk.golongan_darah": resident.get_blood_type_display() or "",
        "penduduk.nama_ayah": resident.father_name,
        "penduduk.nama_ibu": resident.mother_name,
        "penduduk.akta_lahir": resident.birth_certificate,
        "penduduk.alamat": ", ".join(p for p in address_parts if p),
        "penduduk.rt": area.rt if area else "",
        "penduduk.rw": area.rw if area else "",
        "penduduk.dusun": area.dusun if area else "",
        "penduduk.status": _label(resident.get_status_display()),
        "penduduk.hubungan_keluarga": _label(resident.get_family_relation_display() or ""),
        "keluarga.no_kk": family.number,
        "keluarga.kepala": head.name if head else "",
        "keluarga.alamat": family.address,
        "keluarga.jumlah_anggota": str(len(family.members.all())),
    }


def village_values(village: Village) -> dict[str, str]:
    region = village.region
    kecamatan = region.parent
    kabupaten = kecamatan.parent if kecamatan else None
    provinsi = kabupaten.parent if kabupaten else None
    return {
        "desa.nama": village.display_name,
        "desa.sebutan": region.get_type_display(),
        "desa.kepala_sebutan": _("Lurah") if village.is_kelurahan else _("Kepala Desa"),
        "desa.jabatan_kepala": (_("Lurah %s") if village.is_kelurahan else _("Kepala Desa %s"))
        % region.name,
        "desa.kecamatan": kecamatan.name if kecamatan else "",
        "desa.kabupaten": kabupaten.name.removeprefix("Kabupaten ") if kabupaten else "",
        "desa.provinsi": provinsi.name if provinsi else "",
        "desa.alamat_kantor": village.office_address,
        "desa.kode": region.code,
    }


def signer_values(signer: Official) -> dict[str, str]:
    return {"penanda.nama": signer.name, "penanda.jabatan": signer.position}


def operator_values(fields: list[dict[str, Any]], values: dict[str, Any]) -> dict[str, str]:
    """The operator's answers as printed: dates written out, numbers with thousands dots."""
    printed: dict[str, str] = {}
    for spec in fields:
        value = values.get(spec["name"])
        if value in (None, ""):
            text = ""
        elif spec["kind"] == "tanggal":
            text = long_date(datetime.date.fromisoformat(str(value)))
        elif spec["kind"] == "angka":
            text = f"{int(value):,}".replace(",", ".")
        else:
            text = str(value).strip()
        printed[f"isian.{spec['name']}"] = text
    return printed
