"""A seller with a login manages their own products and orders, nothing else; their first
product waits for the village; the village registers and approves sellers."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.market.models import Product, ProductPhoto, Seller
from balai.market.tests.conftest import jpeg_upload, make_product, make_seller

pytestmark = pytest.mark.django_db


def _url(name, **kw):
    return reverse(f"market_dashboard:{name}", kwargs={"slug": "dagan", **kw})


def test_a_seller_sees_only_their_own_products(login, sekar, seller, batik, dagan):
    neighbour = make_seller(dagan, "Keripik Bu Rohmah")
    theirs = make_product(neighbour, "Keripik Singkong")
    client = login(sekar)
    page = client.get(_url("seller_home")).content.decode()
    assert batik.name in page and theirs.name not in page
    assert client.get(_url("product_edit", pk=theirs.pk)).status_code == 404
    assert client.get(_url("product_edit", pk=batik.pk)).status_code == 200


def test_a_seller_cannot_open_the_village_pages(login, sekar, seller):
    client = login(sekar)
    for name in ("home", "sellers", "reviews"):
        assert client.get(_url(name)).status_code == 404


def test_a_seller_adds_a_product_from_the_camera_and_it_waits_for_the_village(login, sekar, seller):
    response = login(sekar).post(
        _url("product_add"),
        {
            "name": "Selendang Batik",
            "category": "batik",
            "price_text": "Rp 250.000",
            "variants_text": "Motif Parang = 250rb\nMotif Kawung = 300rb, habis",
            "photo": jpeg_upload(size=(2000, 1500)),
            "aksi": "terbitkan",
        },
    )
    assert response.status_code == 302
    product = Product.objects.get(name="Selendang Batik")
    assert product.seller == seller
    assert product.status == Product.Status.PENDING  # her first product
    assert [(v.name, v.price, v.stock) for v in product.variants.all()] == [
        ("Motif Parang", 250000, "tersedia"),
        ("Motif Kawung", 300000, "habis"),
    ]
    photo = ProductPhoto.objects.get(product=product)
    assert (photo.width, photo.height) == (1200, 900)
    assert photo.alt == "Foto Selendang Batik"


def test_a_trusted_seller_publishes_at_once(login, sekar, seller, batik):
    login(sekar).post(
        _url("product_add"),
        {"name": "Kemeja Batik", "category": "batik", "price_text": "300rb", "aksi": "terbitkan"},
    )
    assert Product.objects.get(name="Kemeja Batik").status == Product.Status.PUBLISHED


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("price_text", "tiga ratus", "bukan harga"),
        ("price_text", "-5000", "negatif"),
        ("variants_text", "Parang = 250rb, stok -2", "Baris 1"),
        ("variants_text", "Parang = 250rb\nParang = 300rb", "dua kali"),
    ],
)
def test_bad_product_input_is_refused_and_nothing_is_saved(
    login, sekar, seller, field, value, message
):
    data = {"name": "Tas Pandan", "category": "kerajinan", "price_text": "85rb", "aksi": "draf"}
    data[field] = value
    response = login(sekar).post(_url("product_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Product.objects.filter(name="Tas Pandan").exists()


def test_a_fake_image_is_refused(login, sekar, seller):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("foto.jpg", b"<?php echo 'hi'; ?>", content_type="image/jpeg")
    response = login(sekar).post(
        _url("product_add"),
        {"name": "Tas", "category": "kerajinan", "photo": fake, "aksi": "draf"},
    )
    assert "bukan" in response.content.decode()
    assert not Product.objects.exists()


def test_a_product_has_at_most_six_photos(login, sekar, seller, batik):
    client = login(sekar)
    for _i in range(6):
        client.post(
            _url("product_edit", pk=batik.pk),
            {
                "name": batik.name,
                "category": "batik",
                "unit": "lembar",
                "min_order": 1,
                "stock": "tersedia",
                "photo": jpeg_upload(),
                "aksi": "simpan",
            },
        )
    assert batik.photos.count() == 6
    response = client.post(
        _url("product_edit", pk=batik.pk),
        {
            "name": batik.name,
            "category": "batik",
            "unit": "lembar",
            "min_order": 1,
            "stock": "tersedia",
            "photo": jpeg_upload(),
            "aksi": "simpan",
        },
    )
    assert "Paling banyak 6 foto" in response.content.decode()
    assert batik.photos.count() == 6


def test_the_village_registers_approves_and_gives_a_seller_a_login(login, alice, dagan):
    client = login(alice)
    response = client.post(
        _url("seller_add"),
        {
            "name": "Gula Kelapa Pak Darsono",
            "kind": "warga",
            "whatsapp": "0812 3456 7890",
            "offers_pickup": "on",
        },
    )
    assert response.status_code == 302
    seller = Seller.objects.get(name="Gula Kelapa Pak Darsono")
    assert seller.whatsapp == "+6281234567890"
    assert seller.status == Seller.Status.PENDING
    client.post(_url("seller_status", pk=seller.pk), {"status": "approved"})
    seller.refresh_from_db()
    assert seller.status == Seller.Status.APPROVED
    client.post(_url("seller_login", pk=seller.pk), {"akun-email": "darsono@contoh.id"})
    seller.refresh_from_db()
    assert seller.user.email == "darsono@contoh.id"
    assert not seller.user.has_usable_password()
    assert "/lapak/penjual/" in mail.outbox[-1].body
    assert AuditEntry.objects.filter(action="market.seller_login").exists()


def test_a_bad_whatsapp_number_is_refused(login, alice):
    response = login(alice).post(
        _url("seller_add"), {"name": "Toko", "kind": "warga", "whatsapp": "12345"}
    )
    assert "Tulis nomor WhatsApp" in response.content.decode()
    assert not Seller.objects.exists()


def test_the_village_approves_a_pending_product(login, alice, seller):
    product = make_product(seller, "Peyek", status=Product.Status.PENDING)
    login(alice).post(_url("product_status", pk=product.pk), {"status": "published"})
    product.refresh_from_db()
    assert product.status == Product.Status.PUBLISHED and product.published_at


def test_the_product_card_has_a_qr_code_to_the_product_page(login, sekar, seller, batik):
    page = login(sekar).get(_url("product_card", pk=batik.pk)).content.decode()
    assert '<svg role="img"' in page
    assert "/desa/dagan/lapak/kain-batik-tulis/" in page


def test_the_seller_list_is_pinned_in_queries(login, alice, dagan, django_assert_max_num_queries):
    for i in range(15):
        make_product(make_seller(dagan, f"Penjual {i}"), f"Produk {i}")
    client = login(alice)
    with django_assert_max_num_queries(12):
        client.get(_url("seller_home"))
    with django_assert_max_num_queries(12):
        client.get(_url("sellers"))


def test_a_seller_rewrites_the_alt_text_of_a_photo(login, sekar, seller, batik):
    client = login(sekar)
    client.post(
        _url("product_edit", pk=batik.pk),
        {
            "name": batik.name,
            "category": "batik",
            "unit": "lembar",
            "min_order": 1,
            "stock": "tersedia",
            "photo": jpeg_upload(),
            "aksi": "simpan",
        },
    )
    photo = batik.photos.get()
    client.post(_url("photo_alt", pk=batik.pk, photo_pk=photo.pk), {"alt": "Kain motif parang"})
    photo.refresh_from_db()
    assert photo.alt == "Kain motif parang"


def test_a_second_seller_with_the_same_name_is_a_clear_form_error(login, alice, seller):
    response = login(alice).post(
        _url("seller_add"),
        {"name": "Batik Sekar", "kind": "warga", "whatsapp": "0812 3456 7890"},
    )
    assert response.status_code == 200
    assert "Sudah ada penjual bernama “Batik Sekar” di desa ini." in response.content.decode()
    assert Seller.objects.filter(name="Batik Sekar").count() == 1


def test_the_same_seller_name_in_another_village_is_fine(login, charlie, seller, bojongsari):
    url = reverse("market_dashboard:seller_add", kwargs={"slug": "bojongsari"})
    response = login(charlie).post(
        url, {"name": "Batik Sekar", "kind": "warga", "whatsapp": "0812 3456 7890"}
    )
    assert response.status_code == 302
    assert Seller.objects.filter(name="Batik Sekar").count() == 2


def test_a_wrong_whatsapp_number_gets_the_one_message_every_form_uses(login, alice, dagan):
    response = login(alice).post(
        _url("seller_add"), {"name": "Keripik Bu Rohmah", "kind": "warga", "whatsapp": "12345"}
    )
    assert "Tulis nomor WhatsApp seperti 0812 3456 7890." in response.content.decode()
    field = re.search(r'<input[^>]*name="whatsapp"[^>]*>', response.content.decode())[0]
    assert 'type="tel"' in field


def test_two_admins_saving_the_same_name_at_once_get_a_message_not_an_error(alice, seller):
    from balai.market.services import MarketError, seller_save

    twin = Seller(village=seller.village, name="Batik Sekar", whatsapp="+6281234567890")
    with pytest.raises(MarketError, match="Sudah ada penjual bernama"):
        seller_save(village=seller.village, seller=twin, actor=alice)
    assert Seller.objects.filter(name="Batik Sekar").count() == 1


def test_a_sellers_location_pasted_from_google_maps_fills_both_fields(login, alice, dagan):
    data = {"name": "Kopi Dagan", "kind": "warga", "whatsapp": "0812 3456 7890"}
    client = login(alice)
    page = client.post(_url("seller_add"), {**data, "latitude": "7.3051, 109.3685"})
    assert "Lintang di selatan khatulistiwa memakai tanda minus" in page.content.decode()
    assert not Seller.objects.exists()
    response = client.post(_url("seller_add"), {**data, "latitude": "-7.3051°, 109.3685°"})
    assert response.status_code == 302
    seller = Seller.objects.get()
    assert (str(seller.latitude), str(seller.longitude)) == ("-7.305100", "109.368500")
