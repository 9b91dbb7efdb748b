from __future__ import annotations

from datetime import date

import pytest

from balai.disclosure import services
from balai.disclosure.models import InfoRequest
from balai.villages.models import Village


def request_data(**overrides) -> dict:
    data = {
        "name": "Wartini Susanti",
        "id_number": "3303094501900012",
        "address": "Jl. Melati RT 02/RW 03",
        "occupation": "Petani",
        "phone": "+6281234567890",
        "email": "wartini@contoh.id",
        "information": "Rincian APB Desa 2026 bidang pembangunan.",
        "purpose": "Pengawasan kelompok tani.",
        "obtain": InfoRequest.Obtain.COPY,
        "format": InfoRequest.Format.SOFT,
        "delivery": InfoRequest.Delivery.EMAIL,
    }
    data.update(overrides)
    return data


def make_request(village: Village, received_on: date | None = None, **overrides) -> InfoRequest:
    return services.request_submit(
        village=village,
        data=request_data(**overrides),
        channel=InfoRequest.Channel.WEB,
        received_on=received_on,
    )


@pytest.fixture
def kelurahan(db) -> Village:
    from balai.conftest import make_village
    from balai.regions.models import Region

    region = Region.objects.filter(type="kelurahan").order_by("code").first()
    return make_village(region.code, "kelurahan-uji")
