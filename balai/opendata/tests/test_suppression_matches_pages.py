"""The open datasets hide exactly the cells the public pages hide: the population tables of
the statistics pages' own JSON downloads, and the welfare figures of the welfare downloads."""

from __future__ import annotations

import csv
import io

import pytest

from balai.opendata.tests.conftest import get_json
from balai.population.figures import BY_KEY
from balai.population.selectors import published_categories
from balai.villages.models import Village

pytestmark = pytest.mark.django_db
SEXES = ("laki_laki", "perempuan", "jumlah")


def _rows(client, url: str) -> list[dict]:
    return get_json(client, url)["baris"]


def test_population_cells_hidden_as_on_the_statistics_pages(demo, client):
    dagan = Village.objects.get(slug="dagan")
    ours = _rows(client, "/desa/dagan/data/penduduk-kategori.json")
    ours += _rows(client, "/desa/dagan/data/penduduk-wilayah.json")
    hidden = 0
    for category in published_categories(dagan):
        page = get_json(client, f"/desa/dagan/statistik/{category.key}/data.json")["baris"]
        mine = [r for r in ours if r["kategori_kode"] == category.key]
        assert [r["kelompok"] for r in mine] == [r["label"] for r in page], category.key
        for a, b in zip(mine, page, strict=True):
            assert [a[s] for s in SEXES] == [b[s] for s in SEXES], (category.key, a, b)
            hidden += sum(a[s] is None for s in SEXES)
    assert hidden > 0  # the demo has small cells: the comparison covered some


def test_a_hidden_cell_is_empty_in_the_csv(demo, client):
    response = client.get("/desa/dagan/data/penduduk-kategori.csv")
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    rows = list(reader)
    flagged = [r for r in rows if r["disembunyikan"] == "true"]
    assert flagged and all("" in (r["laki_laki"], r["perempuan"], r["jumlah"]) for r in flagged)
    assert all(r["jumlah"] == "" or int(r["jumlah"]) >= 0 for r in rows)
    small = [
        r for r in rows if r["jumlah"] and 0 < int(r["jumlah"]) < 5 and r["jenis_baris"] == "code"
    ]
    assert not small


def test_district_population_hidden_as_on_the_district_pages(demo, client):
    ours = _rows(client, "/data/penduduk-kategori.json")
    for key in ("umur", "pekerjaan", "agama"):
        page = get_json(client, f"/statistik/{key}/data.json")["baris"]
        mine = [r for r in ours if r["kategori_kode"] == key]
        assert [[r[s] for s in SEXES] for r in mine] == [[r[s] for s in SEXES] for r in page]
    assert BY_KEY["umur"]


def test_welfare_figures_hidden_as_on_the_welfare_pages(demo, client):
    ours = _rows(client, "/desa/dagan/data/bansos.json")
    checked = 0
    for key in ("desil", "program", "wilayah", "rw"):
        page = get_json(client, f"/desa/dagan/bantuan-sosial/data-{key}.json")
        mine = [r for r in ours if r["tabel_kode"] == key]
        expected = [v for row in page["baris"] for v in row["nilai"]]
        assert [r["nilai"] for r in mine] == expected, key
        checked += len(expected)
    assert checked and any(r["nilai"] is None for r in ours)
