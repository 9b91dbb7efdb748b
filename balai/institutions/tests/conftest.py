"""Builders for institutions' tests: one per model, on top of the cast of balai/conftest.py."""

from __future__ import annotations

import datetime

import pytest

from balai.institutions.models import Institution, Member
from balai.population.models import Area, Family, Resident
from balai.villages.models import Village

LIST = "/dasbor/dagan/lembaga/"


def make_institution(village: Village, name: str = "BPD Desa Dagan", **fields) -> Institution:
    fields.setdefault("kind", Institution.Kind.BPD)
    fields.setdefault("slug", name.lower().replace(" ", "-"))
    return Institution.objects.create(village=village, name=name, **fields)


def add_members(institution: Institution, *people: tuple[str, str]) -> list[Member]:
    return [
        Member.objects.create(
            village_id=institution.village_id,
            institution=institution,
            name=name,
            position=position,
            order=i,
        )
        for i, (name, position) in enumerate(people)
    ]


def make_resident(
    village: Village, nik: str = "3303091203750001", name: str = "SUGENG"
) -> Resident:
    area, _new = Area.objects.get_or_create(village=village, dusun="Dusun I", rw="001", rt="001")
    family = Family.objects.create(village=village, number=nik[:12] + "0001", area=area)
    return Resident.objects.create(
        village=village,
        nik=nik,
        name=name,
        family=family,
        area=area,
        sex=1,
        family_relation=1,
        birth_date=datetime.date(1975, 3, 12),
        current_address="Jl. Kenanga 12 RT 01",
    )


@pytest.fixture
def bpd(dagan) -> Institution:
    inst = make_institution(
        dagan,
        decree_number="141/05/2021",
        decree_date=datetime.date(2021, 3, 1),
        period_start=datetime.date(2021, 3, 8),
        period_end=datetime.date(2027, 3, 7),
        address="Balai Desa Dagan, Jl. Raya Dagan 1",
        phone="0281-123456",
        description="Menampung aspirasi warga.",
    )
    add_members(inst, ("Slamet Riyadi", "Ketua"), ("Sri Lestari", "Sekretaris"))
    return inst
