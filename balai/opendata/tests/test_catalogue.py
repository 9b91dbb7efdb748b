"""The catalogue: the district's lists every live village's datasets (and no draft site's),
in the same number of queries however many villages there are; each domain's `datasets.py` is
found at start-up; a declaration with an unknown theme or frequency is refused."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from balai.conftest import make_village
from balai.opendata import registry
from balai.opendata.catalogue import district_catalogue, district_catalogue_build, village_catalogue
from balai.opendata.registry import Column, Coverage, Dataset
from balai.population.models import PopulationFigure, PopulationSettings
from balai.regions.models import Region
from balai.villages.models import Village

pytestmark = pytest.mark.django_db


def _with_figures(slug: str, status: str = Village.Status.LIVE) -> Village:
    free = Region.objects.filter(level="desa", type="desa").exclude(
        code__in=Village.objects.values("region_id")
    )
    village = make_village(free.first().code, slug, status=status)
    PopulationFigure.objects.create(village=village, category="umur", code=5, sex=1, count=40)
    PopulationSettings.objects.create(village=village, figures_updated_at=timezone.now())
    return village


def test_every_domain_declares_its_datasets():
    assert {
        "balai.population.datasets",
        "balai.budget.datasets",
        "balai.welfare.datasets",
        "balai.disclosure.datasets",
        "balai.market.datasets",
    } <= set(registry.datasets_discover())
    keys = {d.key for d in registry.registered("village")}
    assert {
        "penduduk-kategori",
        "penduduk-wilayah",
        "apbdes",
        "pembangunan",
        "bansos",
        "laporan-ppid",
        "produk",
    } <= keys


def test_the_district_catalogue_lists_every_live_village(demo):
    live = Village.objects.filter(status="live")
    orgs = {e.org for e in district_catalogue().entries}
    publishing = {v.slug for v in live if village_catalogue(v).entries}
    assert len(publishing) >= 3 and orgs == {"kabupaten", *publishing}
    # A live site with nothing to publish yet (just provisioned) is still an organization.
    assert {o[0] for o in district_catalogue().orgs} == {"kabupaten", *(v.slug for v in live)}
    for village in live:
        mine = {e.name for e in village_catalogue(village).entries}
        theirs = {e.name for e in district_catalogue().entries if e.org == village.slug}
        assert mine == theirs


def test_draft_sites_publish_nothing_and_new_ones_appear_in_constant_queries(demo):
    with CaptureQueriesContext(connection) as before:
        district_catalogue_build()
    _with_figures("baru-satu")
    _with_figures("baru-dua")
    draft = _with_figures("masih-draf", status=Village.Status.DRAFT)
    with CaptureQueriesContext(connection) as after:
        cat = district_catalogue_build()
    assert len(after.captured_queries) == len(before.captured_queries) <= 15
    names = {e.name for e in cat.entries}
    assert {"baru-satu-penduduk-kategori", "baru-dua-penduduk-wilayah"} <= names
    assert not any(n.startswith("masih-draf") for n in names)
    assert village_catalogue(draft).entries == []


def test_the_catalogue_follows_a_change_at_once(demo, client):
    village = _with_figures("berubah")
    assert client.get("/desa/berubah/data/pembangunan/").status_code == 404
    assert any(e.key == "penduduk-kategori" for e in village_catalogue(village).entries)
    PopulationFigure.objects.for_village(village).delete()
    PopulationSettings.objects.for_village(village).delete()
    from balai.villages.content import content_changed

    content_changed(village)
    assert client.get("/desa/berubah/data/").status_code == 404


def test_a_bad_declaration_is_refused_at_start_up():
    def rows(village):
        return []

    def coverage(villages):
        return {0: Coverage()}

    columns = (Column("n", "n", "integer"),)
    with pytest.raises(ValueError, match="theme"):
        Dataset("contoh", "t", "d", columns, rows, coverage, theme="SPORT")
    with pytest.raises(ValueError, match="frequency"):
        Dataset("contoh", "t", "d", columns, rows, coverage, frequency="SOMETIMES")
    with pytest.raises(ValueError, match="key"):
        Dataset("Contoh_Data", "t", "d", columns, rows, coverage)
    with pytest.raises(ValueError, match="column"):
        Dataset("contoh", "t", "d", (Column("n", "n", "uang"),), rows, coverage)
