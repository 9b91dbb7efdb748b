"""Each endpoint returns the village's published content, and nothing unpublished."""

from __future__ import annotations

import pytest

from balai.conftest import make_village
from balai.market.models import Product, Seller
from balai.market.tests.conftest import make_product, make_seller
from balai.news.tests.conftest import draft, publish
from balai.villages.models import Village
from balai.villages.tests.conftest import add_officials, fill_profile

pytestmark = pytest.mark.django_db
KELURAHAN = "33.03.05.1001"


def test_the_village_list_shows_live_sites_only(client, dagan, bojongsari):
    make_village("33.03.09.2001", "rancangan", status=Village.Status.DRAFT)
    make_village("33.03.09.2002", "ditangguhkan", status=Village.Status.SUSPENDED)
    data = client.get("/api/v1/villages").json()
    assert {v["slug"] for v in data} == {"dagan", "bojongsari"}
    dagan_row = next(v for v in data if v["slug"] == "dagan")
    assert dagan_row["code"] == "33.03.09.2013"
    assert dagan_row["name"] == "Dagan"
    assert dagan_row["type"] == "desa"
    assert dagan_row["kecamatan"] == "Bobotsari"
    assert dagan_row["tagline"] == "Desa batik tulis"
    assert dagan_row["url"].endswith("/desa/dagan/")


def test_a_village_shows_its_officials_and_office_contact(client, dagan):
    fill_profile(dagan)
    add_officials(dagan, ("Sugeng Riyadi", "Kepala Desa"), ("Wati", "Sekretaris Desa"))
    data = client.get("/api/v1/villages/dagan").json()
    assert data["officials"][0] == {"name": "Sugeng Riyadi", "position": "Kepala Desa"}
    assert data["office"]["phone"] == "0281-123456"
    assert data["office"]["email"] == "kantor@dagan.desa.id"


@pytest.mark.parametrize("status", [Village.Status.DRAFT, Village.Status.SUSPENDED])
@pytest.mark.parametrize(
    "suffix", ["", "/news", "/population", "/apbdes", "/products"], ids=lambda s: s or "detail"
)
def test_a_village_that_is_not_live_is_not_found(client, db, status, suffix):
    make_village("33.03.09.2001", "rancangan", status=status)
    response = client.get(f"/api/v1/villages/rancangan{suffix}")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_an_unknown_village_is_a_json_404(client, db):
    response = client.get("/api/v1/villages/tidak-ada/news")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Desa tidak ditemukan."}


def test_the_not_found_message_is_in_english_for_english_readers(client, db):
    client.cookies["django_language"] = "en"
    response = client.get("/api/v1/villages/tidak-ada/apbdes")
    assert response.json() == {"detail": "Village not found."}


def test_news_lists_published_articles_newest_first(client, dagan, bojongsari):
    publish(dagan, title="Panen raya padi", summary="Hasil panen naik.")
    publish(dagan, title="Festival batik")
    draft(dagan, title="Rahasia draf")
    publish(bojongsari, title="Berita desa lain")
    data = client.get("/api/v1/villages/dagan/news").json()
    assert data["count"] == 2
    titles = [a["title"] for a in data["items"]]
    assert set(titles) == {"Panen raya padi", "Festival batik"}
    article = next(a for a in data["items"] if a["title"] == "Panen raya padi")
    assert article["summary"] == "Hasil panen naik."
    assert article["url"].endswith(f"/desa/dagan/berita/{article['slug']}/")


def test_news_is_paginated(client, dagan):
    for i in range(23):
        publish(dagan, title=f"Berita nomor {i}")
    first = client.get("/api/v1/villages/dagan/news").json()
    second = client.get("/api/v1/villages/dagan/news?page=2").json()
    assert (first["count"], first["pages"], len(first["items"])) == (23, 2, 20)
    assert len(second["items"]) == 3


def test_products_show_published_products_of_approved_sellers(client, dagan):
    seller = make_seller(dagan)
    make_product(seller, price_max=450000)
    make_product(seller, "Produk draf", status=Product.Status.DRAFT)
    pending = make_seller(dagan, "Penjual baru", status=Seller.Status.PENDING)
    make_product(pending, "Belum disetujui")
    data = client.get("/api/v1/villages/dagan/products").json()
    assert [p["name"] for p in data["items"]] == ["Kain Batik Tulis"]
    product = data["items"][0]
    assert product["price"] == "Rp 350.000 – Rp 450.000"
    assert product["category"] == "batik"
    assert product["url"].endswith("/desa/dagan/lapak/kain-batik-tulis/")


def test_a_kelurahan_has_no_apbdes(client, db):
    make_village(KELURAHAN, "bojong")
    assert client.get("/api/v1/villages/bojong").json()["type"] == "kelurahan"
    assert client.get("/api/v1/villages/bojong/apbdes").status_code == 404


def test_a_new_publication_shows_at_once_despite_the_cache(client, dagan):
    publish(dagan, title="Pertama")
    assert client.get("/api/v1/villages/dagan/news").json()["count"] == 1
    publish(dagan, title="Kedua")
    assert client.get("/api/v1/villages/dagan/news").json()["count"] == 2
