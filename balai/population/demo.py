"""Demo registers: a few hundred synthetic residents per live demo village, in families with a
realistic age structure, Javanese names, coded like SIAK. Every NIK and No. KK is made up."""

from __future__ import annotations

import random
from datetime import date, timedelta

from balai.population.figures import figures_recompute
from balai.population.models import (
    Area,
    Family,
    Household,
    PopulationFigure,
    PopulationSettings,
    Resident,
    ResidentEvent,
)

MEN = (
    "Agus Budi Joko Slamet Sugeng Bambang Wahyu Eko "
    "Heru Teguh Dwi Rudi Tri Yanto Sutrisno Darsono "
    "Kuswanto Purnomo Ahmad Fajar Rizki Dimas Arif Bayu"
).split()
WOMEN = (
    "Sri Siti Wahyuni Endang Sumiati Tuminah Rini Yuli "
    "Dewi Lestari Ani Nur Puji Suparti Ratna Fitri "
    "Ayu Putri Dina Rahma Nia Indah Wulan Eka"
).split()
SURNAMES = (
    "Santoso Wibowo Pratama Saputra Handayani Rahayu Susanti Setiawan "
    "Hidayat Kurniawan Nugroho Prasetyo Purwanto Suryani Maryati"
).split()


def _name(rng: random.Random, sex: int) -> str:
    first = rng.choice(MEN if sex == 1 else WOMEN)
    return f"{first} {rng.choice(SURNAMES)}".upper() if rng.random() < 0.7 else first.upper()


def _birth(rng: random.Random, today: date, low: int, high: int) -> date:
    return today - timedelta(days=rng.randint(low * 365, high * 365 + 364))


def _nik(prefix: str, birth: date, sex: int, serial: int) -> str:
    day = birth.day + (40 if sex == 2 else 0)
    return f"{prefix}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def _areas(rng: random.Random, village) -> list[Area]:
    rows = [
        Area(village=village, dusun=f"Dusun {d}", rw=f"{rw:03d}", rt=f"{rt:03d}")
        for d in ("I", "II", "III")[: rng.randint(2, 3)]
        for rw in (1, 2)
        for rt in (1, 2, 3)
    ]
    return Area.objects.bulk_create(rows)


def _person(rng, village, prefix, today, serial, sex, low, high, relation, **kw) -> Resident:
    birth = _birth(rng, today, low, high)
    adult = (today - birth).days > 18 * 365
    return Resident(
        village=village,
        nik=_nik(prefix, birth, sex, serial),
        name=_name(rng, sex),
        sex=sex,
        birth_place=rng.choice(["PURBALINGGA", "PURBALINGGA", "BANYUMAS", "CILACAP"]),
        birth_date=birth,
        family_relation=relation,
        religion=1 if rng.random() < 0.97 else rng.choice([2, 3]),
        education_kk=rng.choice([3, 3, 4, 5, 5, 6, 8]) if adult else rng.choice([1, 2]),
        occupation=rng.choice([9, 9, 11, 15, 19, 88, 2]) if adult else 3,
        marital_status=2 if relation in (1, 3) else 1,
        citizenship=1,
        blood_type=rng.choice([1, 2, 3, 4, 13, 13]),
        ktp_el=2 if adult else 3,
        insurance=rng.choice([1, 2, 2, 3]),
        status=1,
        **kw,
    )


def _village(rng: random.Random, village, target: int, today: date) -> int:
    prefix = village.region.digits[:6]
    areas = _areas(rng, village)
    people: list[Resident] = []
    number = 0
    while len(people) < target:
        number += 1
        area = rng.choice(areas)
        family = Family.objects.create(
            village=village,
            # PPKKCC + the issue date (ddmmyy) + a serial, like a real No. KK.
            number=f"{prefix}{number % 28 + 1:02d}0{rng.randint(1, 9)}"
            f"{rng.randint(10, 24)}{number:04d}",
            address=f"RT {area.rt} RW {area.rw}, {area.dusun}",
            area=area,
        )
        household = Household.objects.create(village=village, number=f"RTM-{number:05d}", area=area)
        base = {"family": family, "area": area, "household": household}
        head_sex = 1 if rng.random() < 0.85 else 2
        people.append(
            _person(
                rng,
                village,
                prefix,
                today,
                len(people) + 1,
                head_sex,
                26,
                78,
                1,
                household_relation=1,
                **base,
            )
        )
        if head_sex == 1 and rng.random() < 0.9:
            people.append(
                _person(
                    rng,
                    village,
                    prefix,
                    today,
                    len(people) + 1,
                    2,
                    22,
                    70,
                    3,
                    household_relation=2,
                    **base,
                )
            )
        for _child in range(rng.choice([0, 1, 2, 2, 3, 3, 4])):
            people.append(
                _person(
                    rng,
                    village,
                    prefix,
                    today,
                    len(people) + 1,
                    rng.choice([1, 2]),
                    0,
                    24,
                    4,
                    household_relation=2,
                    **base,
                )
            )
        if rng.random() < 0.12:
            people.append(
                _person(
                    rng,
                    village,
                    prefix,
                    today,
                    len(people) + 1,
                    rng.choice([1, 2]),
                    70,
                    90,
                    7,
                    household_relation=2,
                    **base,
                )
            )
    Resident.objects.bulk_create(people, batch_size=1000)
    return len(people)


def demo_build(*, rng: random.Random, villages: list, users: dict) -> dict[str, int]:
    today = date.today()
    residents = 0
    for index, village in enumerate(villages):
        residents += _village(rng, village, 800 if index == 0 else rng.randint(300, 600), today)
        PopulationSettings.objects.update_or_create(village=village, defaults={"published": []})
        figures_recompute(village=village)
    return {"residents": residents}


def demo_clear(*, village_ids: set[int]) -> None:
    for model in (
        ResidentEvent,
        Resident,
        Household,
        Family,
        Area,
        PopulationFigure,
        PopulationSettings,
    ):
        model.objects.filter(village__in=village_ids).delete()
    from balai.imports.models import ImportJob

    ImportJob.objects.filter(village__in=village_ids, importer__startswith="population.").delete()
