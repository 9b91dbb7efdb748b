"""The district dashboard: for a year, which live desa published their APB Desa Perdes."""

from __future__ import annotations

from datetime import date

import pytest

from balai.conftest import make_village
from balai.legal.tests.conftest import make_act
from balai.regions.models import Region

pytestmark = pytest.mark.django_db
URL = "/dasbor/kabupaten/produk-hukum/"


@pytest.fixture
def villages(dagan, bojongsari):
    other = (
        Region.objects.filter(type="desa", parent=dagan.region.parent)
        .exclude(code=dagan.region.code)
        .first()
    )
    third = make_village(other.code, "tetangga")
    draft_site = (
        Region.objects.filter(type="desa")
        .exclude(code__in=[dagan.region.code, other.code, bojongsari.region.code])
        .first()
    )
    make_village(draft_site.code, "belum-tayang", status="draft")
    make_act(dagan, number="7", enacted_on=date(2025, 12, 22), topic="apbdes", period_from=2026)
    make_act(
        bojongsari, number="6", enacted_on=date(2024, 12, 27), topic="apbdes", period_from=2025
    )
    make_act(
        third,
        number="8",
        enacted_on=date(2025, 12, 30),
        topic="apbdes",
        period_from=2026,
        published=False,
    )
    return {"dagan": dagan, "bojongsari": bojongsari, "third": third}


def _table(response) -> dict[str, bool]:
    return {row.village.slug: row.act is not None for row in response.context["rows"]}


def test_every_live_desa_with_or_without_its_apbdes_perdes(
    login, dina, villages, django_assert_max_num_queries
):
    client = login(dina)
    client.get(URL)
    with django_assert_max_num_queries(12):
        response = client.get(URL + "?tahun=2026")
    assert _table(response) == {"dagan": True, "bojongsari": False, "tetangga": False}
    assert (response.context["published"], response.context["missing"]) == (1, 2)
    body = response.content.decode()
    assert 'href="/desa/dagan/produk-hukum/perdes-2025-7/"' in body
    assert _table(client.get(URL + "?tahun=2025")) == {
        "dagan": False,
        "bojongsari": True,
        "tetangga": False,
    }


def test_filter_by_kecamatan_and_only_the_missing(login, dina, villages):
    client = login(dina)
    code = villages["dagan"].region.parent.code
    response = client.get(URL + f"?tahun=2026&kecamatan={code}")
    assert _table(response) == {"dagan": True, "tetangga": False}
    response = client.get(URL + f"?tahun=2026&kecamatan={code}&tampil=belum")
    assert _table(response) == {"tetangga": False}


def test_a_village_admin_or_viewer_cannot_open_it(login, alice, kiki, villages):
    assert login(alice).get(URL).status_code == 404
    assert login(kiki).get(URL).status_code == 404
