"""Helpers for registration tests: letters as bytes, a filed application, the whole wizard."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from balai.regions.models import Region
from balai.registrations import services
from balai.registrations.demo import tiny_pdf
from balai.registrations.models import Application

# Desa Karangsari in Kalimanah: its name repeats in Kecamatan Karangjambu.
KARANGSARI = "33.03.06.2005"
# Desa Bokol in Kemangkon: a plain, unique name.
BOKOL = "33.03.01.2002"
# Kelurahan Bojong in Kecamatan Purbalingga.
KELURAHAN_BOJONG = "33.03.05.1001"


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(out, "PNG")
    return out.getvalue()


def pdf_upload(name: str = "surat.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf(), "application/pdf")


def file_application(code: str = BOKOL, **fields) -> Application:
    """An application as the wizard would file it (through the service)."""
    region = Region.objects.get(code=code)
    values = {
        "applicant_name": "Slamet Riyadi",
        "applicant_position": Application.Position.SEKRETARIS,
        "whatsapp": "+6281234567890",
        "email": "slamet@example.com",
        "wanted_slug": region.name.lower(),
    }
    values.update(fields)
    letter = services.letter_store_temporary(upload=pdf_upload())
    return services.application_submit(region=region, letter=letter, **values)


@pytest.fixture
def application(db) -> Application:
    return file_application()


APPLICANT = {
    "applicant_name": "Sri Wahyuni",
    "applicant_position": "kepala_desa",
    "whatsapp": "0812-3456-7890",
    "email": "Sri.Wahyuni@Example.com",
}


@pytest.fixture
def walk(client, db):
    """walk(upto=…) → answers the wizard's questions in order up to the named step."""

    def _walk(upto: str = "letter", region: str = BOKOL, slug: str = "bokol"):
        client.post("/daftar/desa/", {"region": region})
        if upto == "village":
            return client
        client.post("/daftar/pemohon/", APPLICANT)
        if upto == "applicant":
            return client
        client.post("/daftar/alamat/", {"wanted_slug": slug, "existing_domain": ""})
        if upto == "address":
            return client
        client.post("/daftar/surat/", {"letter": pdf_upload()})
        return client

    return _walk
