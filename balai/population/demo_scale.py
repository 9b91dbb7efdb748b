"""District-scale demo registers: realistic populations (families with a head, a spouse,
children and sometimes a grandparent; Javanese names; SIAK codes) for many villages at once,
about 1,000,000 residents over the kabupaten's 239 villages. Areas, families and households go
through bulk_create, residents through raw INSERT / COPY (balai.population.bulk), one village
per transaction so memory stays flat. Every NIK and No. KK is made up."""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from balai.population.bulk import rows_insert
from balai.population.demo import MEN, SURNAMES, WOMEN, demo_clear
from balai.population.figures import figures_recompute
from balai.population.models import Area, Family, Household, PopulationSettings, Resident

DISTRICT_RESIDENTS, DISTRICT_VILLAGES = 1_000_000, 239
PER_VILLAGE = DISTRICT_RESIDENTS // DISTRICT_VILLAGES  # ≈ 4,184
SCHOOL = [(4, 1), (7, 2), (13, 4), (16, 6), (19, 7), (23, 11)]
PLACES = ["PURBALINGGA"] * 6 + ["BANYUMAS", "CILACAP", "BANJARNEGARA", "JAKARTA"]
# Columns written for each resident; every other column takes its model default.
GIVEN = [
    "nik",
    "name",
    "sex",
    "birth_place",
    "birth_date",
    "family_relation",
    "household_relation",
    "religion",
    "education_kk",
    "education_current",
    "occupation",
    "marital_status",
    "citizenship",
    "blood_type",
    "ktp_el",
    "insurance",
    "family_id",
    "household_id",
    "area_id",
]


def _defaults() -> tuple[list[str], list]:
    """Every other concrete column of Resident with its default, ready for the database."""
    names: list[str] = []
    values: list[Any] = []
    now = timezone.now()
    for f in Resident._meta.concrete_fields:
        if f.primary_key or f.attname in GIVEN or f.attname == "village_id":
            continue
        value: Any
        if f.attname in ("created_at", "updated_at"):
            value = now
        elif f.has_default():
            value = f.get_default()
        elif f.null:
            value = None
        else:
            value = ""
        names.append(f.attname)
        values.append(f.get_db_prep_save(value, connection))
    return names, values


def _kk_number(prefix: str, issued: str, serial: int) -> str:
    return f"{prefix}{issued}{serial % 10000:04d}"


def _unique(used: set, make: Callable[[int], str], serial: int) -> str:
    while (value := make(serial)) in used:
        serial += 7919  # another serial; collisions are rare and this ends quickly
    used.add(value)
    return value


class _Village:
    """One village's generator: people in families, as tuples in GIVEN order."""

    def __init__(self, rng: random.Random, village, today: date) -> None:
        self.rng, self.village, self.today = rng, village, today
        self.prefix = village.region.digits[:6]
        self.niks: set[str] = set()

    def birth(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.rng.randint(low * 365, high * 365 + 364))

    def person(self, sex: int, low: int, high: int, relation: int, hh_relation: int) -> list:
        rng, born = self.rng, self.birth(low, high)
        age = (self.today - born).days // 365
        adult = age >= 18
        day = born.day + (40 if sex == 2 else 0)
        stem = f"{self.prefix}{day:02d}{born.month:02d}{born.year % 100:02d}"
        nik = _unique(self.niks, lambda s: f"{stem}{s % 10000:04d}", len(self.niks) + 1)
        first = rng.choice(MEN if sex == 1 else WOMEN)
        name = f"{first} {rng.choice(SURNAMES)}" if rng.random() < 0.7 else first
        # SIAK "pendidikan sedang ditempuh": 1 not yet in TK, 2 TK, 4 SD, 6 SLTP, 7 SLTA, 11 S-1.
        school = next((code for limit, code in SCHOOL if age < limit), None)
        if school == 11 and rng.random() > 0.25:
            school = None
        marital = 2 if relation in (1, 3) else 4 if relation == 7 else 1
        if relation == 4 and age >= 20 and rng.random() < 0.2:
            marital = 2
        return [
            nik,
            name.upper(),
            sex,
            rng.choice(PLACES),
            connection.ops.adapt_datefield_value(born),
            relation,
            hh_relation,
            1 if rng.random() < 0.97 else rng.choice([2, 3, 4]),
            rng.choice([3, 3, 4, 4, 5, 5, 6, 7, 8])
            if adult
            else (1 if age < 7 else 2 if age < 13 else 3),
            school,
            rng.choice([9, 9, 9, 11, 15, 19, 88, 2, 4, 10]) if adult else 3,
            marital,
            1,
            rng.choice([1, 2, 3, 4, 13, 13, 13]),
            (2 if rng.random() < 0.92 else 1) if age >= 17 else 3,
            rng.choice([1, 2, 2, 3, 99]),
        ]

    def family(self) -> list[list]:
        """Ages hang together: a wife a few years younger than her husband, children born
        while the mother was 19–42, sometimes a widowed parent of the head."""
        rng = self.rng
        head_age = min(int(rng.triangular(22, 88, 34)), 88)
        head_sex = 1 if rng.random() < (0.88 if head_age < 60 else 0.7) else 2
        members = [self.person(head_sex, head_age, head_age, 1, 1)]
        if head_sex == 2:  # women head a family mostly after divorce or a husband's death
            members[0][11] = rng.choice([3, 4, 4])
        mother = head_age
        if head_sex == 1 and rng.random() < (0.93 if head_age < 65 else 0.6):
            mother = max(19, head_age - rng.randint(0, 7))
            members.append(self.person(2, mother, mother, 3, 2))
        young, old = max(0, mother - 42), mother - 19
        for _child in range(rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]) if old >= 0 else 0):
            age = rng.randint(young, old)
            if age > 25 and rng.random() < 0.8:
                continue  # most grown children have their own family card
            members.append(self.person(rng.choice([1, 2]), age, age, 4, 2))
        if head_age < 55 and rng.random() < 0.12:
            parent = min(head_age + rng.randint(22, 32), 95)
            members.append(self.person(rng.choice([1, 2, 2]), parent, parent, 7, 2))
        return members


def _areas(rng: random.Random, village, residents: int) -> list[Area]:
    dusun = ("I", "II", "III", "IV", "V", "VI")[: max(2, min(6, residents // 1200 + 1))]
    rows = [
        Area(village=village, dusun=f"Dusun {d}", rw=f"{rw:03d}", rt=f"{rt:03d}")
        for d in dusun
        for rw in range(1, rng.randint(2, 4))
        for rt in range(1, rng.randint(3, 6))
    ]
    return Area.objects.bulk_create(rows)


def dependent_apps() -> list[str]:
    """Other apps whose rows point at the register (welfare recipients…): their demo rows go
    before ours, through their own demo_clear, or the PROTECT foreign keys refuse."""
    labels = set()
    for model in (Area, Family, Household, Resident):
        for rel in model._meta.related_objects:
            if rel.related_model._meta.app_label != "population":
                labels.add(rel.related_model._meta.app_config.name)
    return sorted(labels)


def _clear_dependents(village_ids: set[int]) -> None:
    for name in dependent_apps():
        module = importlib.import_module(f"{name}.demo")
        module.demo_clear(village_ids=village_ids)


def village_populate(*, rng: random.Random, village, residents: int, today: date) -> int:
    """Replace one village's register with about `residents` generated people; recount."""
    _clear_dependents({village.pk})
    demo_clear(village_ids={village.pk})
    gen = _Village(rng, village, today)
    numbers: set[str] = set()
    groups: list[list[list]] = []
    made = 0
    while made < residents:
        groups.append(gen.family())
        made += len(groups[-1])
    with transaction.atomic():
        areas = _areas(rng, village, residents)
        families: list[Family] = []
        for _group in groups:
            area = rng.choice(areas)
            issued = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(8, 25):02d}"
            number = _unique(numbers, partial(_kk_number, gen.prefix, issued), len(families) + 1)
            address = f"RT {area.rt} RW {area.rw}, {area.dusun}"
            families.append(Family(village=village, number=number, address=address, area=area))
        Family.objects.bulk_create(families, batch_size=2000)
        households = Household.objects.bulk_create(
            [
                Household(village=village, number=f"RTM-{i:05d}", area=f.area)
                for i, f in enumerate(families, start=1)
            ],
            batch_size=2000,
        )
        names, defaults = _defaults()
        rows = [
            (*person, fam.pk, household.pk, fam.area_id, *defaults, village.pk)
            for group, fam, household in zip(groups, families, households, strict=True)
            for person in group
        ]
        rows_insert(Resident, [*GIVEN, *names, "village_id"], rows)
        PopulationSettings.objects.update_or_create(village=village, defaults={"published": []})
    figures_recompute(village=village)
    return made


def district_populate(
    *, villages: list, per_village: int = PER_VILLAGE, seed: int = 239, progress=None
) -> int:
    """Populate every village given, sizes spread ±40 % around `per_village` (deterministic
    from `seed`); returns the number of residents made. progress(i, village, n) after each."""
    rng = random.Random(seed)
    today = timezone.localdate()
    total = 0
    for index, village in enumerate(villages, start=1):
        size = rng.randint(int(per_village * 0.6), int(per_village * 1.4))
        made = village_populate(rng=rng, village=village, residents=size, today=today)
        total += made
        if progress:
            progress(index, village, made)
    return total
