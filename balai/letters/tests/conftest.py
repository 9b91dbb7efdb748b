from __future__ import annotations

import datetime
import subprocess

import pytest

from balai.population.models import Area, Family, Resident
from balai.villages.models import Official, Village


def make_family(village: Village, number: str = "3303090101100001") -> Family:
    area, _ = Area.objects.get_or_create(village=village, dusun="Dusun II", rw="003", rt="004")
    return Family.objects.create(
        village=village, number=number, address="Jl. Melati No. 12", area=area
    )


def make_resident(village: Village, family: Family | None = None, **fields) -> Resident:
    nik = fields.get("nik", "3303095508900001")
    family = family or make_family(village, number="33030901011" + nik[-5:])
    values = {
        "nik": "3303095508900001",
        "name": "SITI RAHAYU",
        "sex": 2,
        "birth_place": "PURBALINGGA",
        "birth_date": datetime.date(1990, 8, 15),
        "religion": 1,
        "occupation": 1,
        "marital_status": 2,
        "citizenship": 1,
        "family_relation": 1,
        "father_name": "SUKARJO",
        "mother_name": "MARNI",
        "area": family.area,
        **fields,
    }
    return Resident.objects.create(village=village, family=family, **values)


def make_officials(village: Village) -> tuple[Official, Official]:
    head = Official.objects.create(
        village=village, name="H. Sutrisno, S.Pd.", position="Kepala Desa", order=1
    )
    secretary = Official.objects.create(
        village=village, name="Rina Wulandari", position="Sekretaris Desa", order=2
    )
    return head, secretary


def pdf_text(data: bytes) -> str:
    """The text of a PDF as poppler's pdftotext reads it (Debian's poppler-utils)."""
    try:
        done = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
        )
    except FileNotFoundError:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return done.stdout.decode()


def pdf_pages(data: bytes) -> list[str]:
    return pdf_text(data).split("\f")


@pytest.fixture(autouse=True)
def _templates(request):
    """The seeded templates, again after a transactional test emptied the tables."""
    from balai.letters.seed import seed_templates

    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db", "live_server"} & set(request.fixturenames):
        return
    transactional = (
        marker and marker.kwargs.get("transaction")
    ) or "live_server" in request.fixturenames
    request.getfixturevalue("transactional_db" if transactional else "db")
    seed_templates()


@pytest.fixture
def resident(dagan) -> Resident:
    return make_resident(dagan)


@pytest.fixture
def officials(dagan) -> tuple[Official, Official]:
    return make_officials(dagan)
