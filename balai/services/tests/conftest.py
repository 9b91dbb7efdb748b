from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from balai.services import services
from balai.services.catalogue import catalogue_seed
from balai.services.models import Service, ServiceRequest
from balai.villages.models import Village

NIK = "3303094501900012"
PHONE = "0812-3456-7890"


def photo(name: str = "ktp.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (800, 500), (20, 90, 160)).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def pdf_upload(name: str = "surat.pdf") -> SimpleUploadedFile:
    from balai.registrations.demo import tiny_pdf

    return SimpleUploadedFile(name, tiny_pdf("Surat keterangan domisili"), "application/pdf")


def form_data(**overrides) -> dict:
    data = {
        "name": "Wartini Susanti",
        "nik": NIK,
        "phone": PHONE,
        "email": "wartini@contoh.id",
        "purpose": "Untuk melamar pekerjaan di pabrik.",
        "website": "",
    }
    data.update(overrides)
    return data


def domisili(village: Village) -> Service:
    catalogue_seed(village=village)
    return Service.objects.for_village(village).get(letter_key="domisili")


def make_request(village: Village, service: Service | None = None, **overrides) -> ServiceRequest:
    data = {"name": "Wartini", "nik": NIK, "phone": "+6281234567890", "purpose": "Kerja"}
    data.update(overrides)
    return services.request_submit(
        village=village, service=service or domisili(village), data=data, documents=[]
    )


def make_resident(village: Village, nik: str = NIK, name: str = "WARTINI SUSANTI"):
    from balai.population.models import Area, Family, Resident

    area, _ = Area.objects.get_or_create(village=village, dusun="Dusun I", rw="001", rt="001")
    family, _ = Family.objects.get_or_create(village=village, number=nik[:12] + "0001", area=area)
    return Resident.objects.create(
        village=village,
        nik=nik,
        name=name,
        family=family,
        area=area,
        sex=2,
        family_relation=1,
        birth_date=datetime.date(1990, 1, 5),
    )


def site(village: Village, name: str, **kwargs) -> str:
    from django.urls import reverse

    return reverse(f"site:{name}", kwargs={"village_slug": village.slug, **kwargs})


def dash(village: Village, name: str, **kwargs) -> str:
    from django.urls import reverse

    return reverse(f"services_dashboard:{name}", kwargs={"slug": village.slug, **kwargs})


@pytest.fixture
def service(dagan) -> Service:
    return domisili(dagan)
