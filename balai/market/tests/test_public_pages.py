"""The shop on the village site and the district marketplace: what a visitor sees, and what
they never see (unapproved sellers, other villages' products, buyers' details)."""

from __future__ import annotations

import json
import re

import pytest

from balai.market.models import Order, Product, Seller
from balai.market.tests.conftest import make_product, make_seller
from balai.villages.content import content_changed

pytestmark = pytest.mark.django_db
SHOP = "/desa/dagan/lapak/"


def test_the_menu_shows_the_shop_only_when_there_is_something_to_sell(client, dagan, seller):
    assert 'href="/desa/dagan/lapak/"' not in client.get("/desa/dagan/").content.decode()
    assert client.get(SHOP).status_code == 404
    make_product(seller)
    content_changed(dagan)
    assert 'href="/desa/dagan/lapak/"' in client.get("/desa/dagan/").content.decode()


def test_the_catalogue_filters_searches_and_sorts(client, dagan, seller, batik):
    make_product(seller, "Keripik Tempe", category="kuliner", price_min=15000)
    page = client.get(SHOP).content.decode()
    assert "Kain Batik Tulis" in page and "Keripik Tempe" in page
    page = client.get(SHOP + "?kategori=kuliner").content.decode()
    assert "Keripik Tempe" in page and "Kain Batik Tulis" not in page
    page = client.get(SHOP + "?q=kain").content.decode()
    assert "Kain Batik Tulis" in page and "Keripik Tempe" not in page
    page = client.get(SHOP + "?urut=murah").content.decode()
    assert page.index("Keripik Tempe") < page.index("Kain Batik Tulis")


def test_unapproved_sellers_and_pending_products_stay_off_the_site(client, dagan, batik):
    newcomer = make_seller(dagan, "Penjual Baru", status=Seller.Status.PENDING)
    make_product(newcomer, "Madu Hutan")
    make_product(batik.seller, "Sapu Ijuk", status=Product.Status.PENDING)
    page = client.get(SHOP).content.decode()
    assert "Madu Hutan" not in page and "Sapu Ijuk" not in page
    assert client.get(SHOP + "madu-hutan/").status_code == 404
    assert client.get("/lapak/?q=madu").content.decode().count("Madu Hutan") == 0


def test_the_product_page_has_price_variants_share_links_and_structured_data(client, batik):
    page = client.get(SHOP + "kain-batik-tulis/").content.decode()
    assert "Rp 350.000 – Rp 450.000" in page
    assert "Motif Kawung" in page and "Rp 400.000" in page
    assert "https://wa.me/?text=" in page and "facebook.com/sharer" in page
    assert 'property="og:title"' in page
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    )
    assert data["@type"] == "Product"
    assert data["offers"] == {
        "@type": "AggregateOffer",
        "priceCurrency": "IDR",
        "lowPrice": 350000,
        "highPrice": 450000,
        "availability": "https://schema.org/InStock",
        "url": "http://testserver/desa/dagan/lapak/kain-batik-tulis/",
    }
    assert "Pesan via WhatsApp" in page


def test_a_sellers_text_cannot_break_out_of_the_structured_data(client, seller):
    make_product(seller, "Batik Jahil", description="</script><script>alert(1)</script>")
    page = client.get(SHOP + "batik-jahil/").content.decode()
    assert "<script>alert(1)" not in page


def test_buyers_details_never_reach_a_public_page(client, batik):
    Order.objects.create(
        village=batik.village,
        seller=batik.seller,
        product=batik,
        code="LPK-AAAAAA",
        form_token="t",
        product_name=batik.name,
        category="batik",
        quantity=1,
        buyer_name="Dewi Rahasia",
        buyer_phone="+6281299998888",
        delivery="ambil",
    )
    for url in (SHOP, SHOP + "kain-batik-tulis/", "/lapak/"):
        page = client.get(url).content.decode()
        assert "Dewi Rahasia" not in page and "81299998888" not in page


def test_the_district_marketplace_filters_by_kecamatan_and_category(client, batik, other_seller):
    make_product(other_seller, "Gula Kelapa Kristal", category="tani", price_min=30000)
    page = client.get("/lapak/").content.decode()
    assert "Kain Batik Tulis" in page and "Gula Kelapa Kristal" in page
    page = client.get("/lapak/?kecamatan=33.03.09").content.decode()  # Bobotsari: Dagan
    assert "Kain Batik Tulis" in page and "Gula Kelapa Kristal" not in page
    page = client.get("/lapak/?kategori=tani").content.decode()
    assert "Gula Kelapa Kristal" in page and "Kain Batik Tulis" not in page
    page = client.get("/lapak/?q=gula").content.decode()
    assert "Gula Kelapa Kristal" in page and "Kain Batik Tulis" not in page


def test_the_shop_pages_are_cached_until_something_changes(client, seller, batik, alice, login):
    assert "Kain Batik Tulis" in client.get(SHOP).content.decode()
    Product.objects.filter(pk=batik.pk).update(name="Diam-diam berubah")
    assert "Kain Batik Tulis" in client.get(SHOP).content.decode()  # served from the cache
    login(alice).post(f"/dasbor/dagan/lapak/produk/{batik.pk}/status/", {"status": "hidden"})
    client.logout()
    assert client.get(SHOP + "kain-batik-tulis/").status_code == 404


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_list_pages_are_pinned_in_queries(client, dagan, seller, django_assert_max_num_queries):
    # The village menu asks every module whether it has something to show: those queries are
    # the same on every page, so the pin is "no more queries with 30 products than with 2".
    for i in range(2):
        make_product(seller, f"Produk {i}")
    urls = (SHOP, "/lapak/", SHOP + "produk-1/")
    few = {url: _count(client, url + "?a=1") for url in urls}
    for i in range(2, 30):
        make_product(seller, f"Produk {i}")
    for url in urls:
        with django_assert_max_num_queries(min(few[url], 25)):
            client.get(url + "?a=2")


def test_the_catalogue_pages_with_the_shared_halaman_parameter(client, dagan, seller):
    for i in range(30):
        make_product(seller, f"Produk {i:02}", published_at=None)
    first = client.get(SHOP).content.decode()
    assert "Halaman 1 dari 2" in first and "?halaman=2" in first
    second = client.get(SHOP + "?halaman=2&urut=nama").content.decode()
    assert "Halaman 2 dari 2" in second and "Produk 29" in second and "Produk 00" not in second
    assert "hal=" not in second
    assert "Halaman 1 dari 2" in client.get(SHOP + "?hal=2").content.decode()  # old links


def test_the_marketplace_pages_with_the_shared_halaman_parameter(client, dagan, seller):
    for i in range(30):
        make_product(seller, f"Produk {i:02}")
    assert "Halaman 2 dari 2" in client.get("/lapak/?halaman=2").content.decode()


def test_publishing_a_product_shows_it_on_the_cached_catalogue_at_once(
    client, login, alice, seller, batik
):
    assert "Peyek Kacang" not in client.get(SHOP).content.decode()  # now cached
    pending = make_product(seller, "Peyek Kacang", status=Product.Status.PENDING)
    assert "Peyek Kacang" not in client.get(SHOP).content.decode()
    staff = login(alice)
    staff.post(
        f"/dasbor/dagan/lapak/produk/{pending.pk}/status/", {"status": Product.Status.PUBLISHED}
    )
    staff.logout()
    assert "Peyek Kacang" in client.get(SHOP).content.decode()
