"""Counting the register into PopulationFigure rows. Runs when the register changes (import,
event, edit) and nightly (people age), never on a page view."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.population.models import (
    Area,
    Family,
    Household,
    PopulationFigure,
    PopulationSettings,
    Resident,
)
from balai.population.signals import figures_recomputed
from balai.villages.content import content_changed
from balai.villages.models import Village

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

AGE_GROUPS = [(i * 5, i * 5 + 4) for i in range(15)] + [(75, None)]


@dataclass(frozen=True)
class Category:
    key: str  # the URL slug: /statistik/<key>/
    label: StrOrPromise
    field: str = ""  # Resident field counted; "" for the computed ones
    codes: str = ""  # the code list (balai.population.codes); "" when labels come from data
    unit: str = "penduduk"
    short: StrOrPromise = ""  # the chip's label when `label` is too long for a phone's row

    @property
    def chip(self) -> StrOrPromise:
        return self.short or self.label


CATEGORIES = [
    Category("umur", _("Umur (kelompok 5 tahun)"), short=_("Umur")),
    Category("pendidikan-kk", _("Pendidikan dalam KK"), "education_kk", "pendidikan_dalam_kk"),
    Category(
        "pendidikan-ditempuh",
        _("Pendidikan sedang ditempuh"),
        "education_current",
        "pendidikan_sedang_ditempuh",
    ),
    Category("pekerjaan", _("Pekerjaan"), "occupation", "pekerjaan"),
    Category("agama", _("Agama"), "religion", "agama"),
    Category("status-perkawinan", _("Status perkawinan"), "marital_status", "status_perkawinan"),
    Category(
        "hubungan-keluarga",
        _("Hubungan dalam keluarga"),
        "family_relation",
        "hubungan_dalam_keluarga_shdk",
    ),
    Category("warga-negara", _("Kewarganegaraan"), "citizenship", "kewarganegaraan"),
    Category("golongan-darah", _("Golongan darah"), "blood_type", "golongan_darah"),
    Category("cacat", _("Penyandang disabilitas"), "disability", "cacat"),
    Category("sakit-menahun", _("Sakit menahun"), "chronic_illness", "sakit_menahun"),
    Category("akseptor-kb", _("Akseptor KB"), "contraception", "cara_kb"),
    Category("asuransi", _("Asuransi kesehatan"), "insurance", "asuransi_kesehatan"),
    Category("ktp-el", _("Kepemilikan KTP-el"), "ktp_el", "ktp_el"),
    Category("dusun", _("Penduduk per dusun")),
    Category("rw", _("Penduduk per RW")),
    Category("rt", _("Penduduk per RT")),
    Category(
        "keluarga",
        _("Keluarga per dusun (jenis kelamin kepala keluarga)"),
        unit="keluarga",
        short=_("Keluarga per dusun"),
    ),
    Category(
        "rumah-tangga",
        _("Rumah tangga per dusun (jenis kelamin kepala rumah tangga)"),
        unit="rumah tangga",
        short=_("Rumah tangga per dusun"),
    ),
]
BY_KEY = {c.key: c for c in CATEGORIES}
CODED = [c for c in CATEGORIES if c.field]


def age_group(birth: date | None, today: date) -> int:
    """1..16 for 0–4 … 75+, 0 when the birth date is missing."""
    if birth is None:
        return 0
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return min(max(age, 0) // 5, 15) + 1


def age_label(code: int) -> str:
    low, high = AGE_GROUPS[code - 1]
    return f"{low}–{high}" if high is not None else f"{low}+"


def _area_labels(village: Village) -> dict[int, tuple[str, str, str]]:
    return {
        a.pk: (a.dusun, f"{a.dusun} / RW {a.rw}", f"{a.dusun} / RW {a.rw} / RT {a.rt}")
        for a in Area.objects.for_village(village)
    }


def _count_residents(village: Village, today: date, areas: dict) -> Counter:
    counts: Counter = Counter()
    fields = [c.field for c in CODED]
    rows = (
        Resident.objects.for_village(village)
        .filter(status=Resident.ALIVE)
        .values_list("sex", "birth_date", "area_id", *fields)
    )
    for sex, birth, area_id, *values in rows.iterator(chunk_size=5000):
        counts[("umur", age_group(birth, today), "", sex)] += 1
        for category, value in zip(CODED, values, strict=True):
            counts[(category.key, value or 0, "", sex)] += 1
        names = areas.get(area_id)
        for index, key in enumerate(("dusun", "rw", "rt")):
            counts[(key, 1 if names else 0, names[index] if names else "", sex)] += 1
    return counts


def _count_units(village: Village, areas: dict) -> Counter:
    """Families and households by dusun and by the sex of their head."""
    counts: Counter = Counter()
    heads = dict(
        Resident.objects.for_village(village)
        .filter(status=Resident.ALIVE, family_relation=1)
        .values_list("family_id", "sex")
    )
    for pk, area_id in Family.objects.for_village(village).values_list("pk", "area_id"):
        if pk in heads:
            names = areas.get(area_id)
            counts[("keluarga", 1 if names else 0, names[0] if names else "", heads[pk])] += 1
    rt_heads = dict(
        Resident.objects.for_village(village)
        .filter(status=Resident.ALIVE, household_relation=1)
        .values_list("household_id", "sex")
    )
    for pk, area_id in Household.objects.for_village(village).values_list("pk", "area_id"):
        if pk in rt_heads:
            names = areas.get(area_id)
            counts[
                ("rumah-tangga", 1 if names else 0, names[0] if names else "", rt_heads[pk])
            ] += 1
    return counts


def figures_recompute(*, village: Village) -> int:
    """Replace the village's stored figures with fresh counts; returns the number of rows."""
    today = timezone.localdate()
    areas = _area_labels(village)
    counts = _count_residents(village, today, areas) + _count_units(village, areas)
    rows = [
        PopulationFigure(
            village=village, category=cat, code=code, label=label, sex=sex, count=count
        )
        for (cat, code, label, sex), count in counts.items()
    ]
    with transaction.atomic():
        PopulationFigure.objects.for_village(village).delete()
        PopulationFigure.objects.bulk_create(rows, batch_size=1000)
        PopulationSettings.objects.update_or_create(
            village=village, defaults={"figures_updated_at": timezone.now()}
        )
        content_changed(village)  # bulk writes send no signals

    figures_recomputed.send(sender=PopulationFigure, village=village)
    return len(rows)
