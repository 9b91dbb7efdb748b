from __future__ import annotations

import pytest

from balai.registrations.models import Application

KARANGMALANG = "33.03.09.2003"  # in Bobotsari, like Dagan


def make_application(code: str, status: str = Application.Status.SUBMITTED, **fields):
    values = {
        "applicant_name": "Sutrisno Pemohon",
        "applicant_position": Application.Position.SEKRETARIS,
        "whatsapp": "+6281234567890",
        "email": "sutrisno.pemohon@example.com",
        "wanted_slug": f"desa-{code.replace('.', '')}",
        "letter": "surat-permohonan/contoh.pdf",
        "letter_content_type": "application/pdf",
        "status": status,
    }
    values.update(fields)
    return Application.objects.create(region_id=code, **values)


@pytest.fixture
def application(db):
    return make_application(KARANGMALANG)
