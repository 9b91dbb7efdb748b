"""A product whose text looks like gambling spam never goes public by itself, whoever asks to
publish it: it waits in the village's approval queue with the reason, and the district gets an
alert, as a news story would. Only a mentor or the district may release it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.market.models import Product
from balai.market.tests.conftest import make_product
from balai.watch.models import IntegrityAlert

pytestmark = pytest.mark.django_db
SPAM = "Daftar slot gacor maxwin hari ini, dijamin menang"


def _url(name, **kw):
    return reverse(f"market_dashboard:{name}", kwargs={"slug": "dagan", **kw})


def _add(client, **fields):
    data = {"name": "Kain Batik Baru", "category": "batik", "price_text": "300rb"}
    return client.post(_url("product_add"), {**data, **fields, "aksi": "terbitkan"})


def test_a_trusted_sellers_spam_product_is_held_for_the_village(
    client, login, sekar, alice, seller, batik, dagan
):
    _add(login(sekar), description=SPAM)
    product = Product.objects.get(name="Kain Batik Baru")
    assert product.status == Product.Status.PENDING
    assert "gacor" in product.held_reason
    alert = IntegrityAlert.objects.get()
    assert alert.kind == "gambling" and alert.village == dagan
    assert alert.dedupe_key == f"gambling:market.product:{product.pk}"
    client.logout()
    assert client.get(f"/desa/dagan/lapak/{product.slug}/").status_code == 404
    home = login(alice).get(_url("home")).content.decode()
    assert "Kain Batik Baru" in home and "kemungkinan spam" in home


def test_the_village_admin_cannot_publish_spam_either_but_a_mentor_can(
    login, alice, maya, seller, batik
):
    held = make_product(seller, "Voucher Gacor", status=Product.Status.PENDING, description=SPAM)
    login(alice).post(_url("product_status", pk=held.pk), {"status": Product.Status.PUBLISHED})
    held.refresh_from_db()
    assert held.status == Product.Status.PENDING and "gacor" in held.held_reason
    login(maya).post(_url("product_status", pk=held.pk), {"status": Product.Status.PUBLISHED})
    held.refresh_from_db()
    assert held.status == Product.Status.PUBLISHED and held.held_reason == ""


def test_editing_a_public_product_into_spam_takes_it_off_the_site(
    client, login, sekar, seller, batik
):
    assert client.get("/desa/dagan/lapak/kain-batik-tulis/").status_code == 200
    login(sekar).post(
        _url("product_edit", pk=batik.pk),
        {
            "name": batik.name,
            "category": "batik",
            "price_text": "350rb",
            "description": SPAM,
            "unit": "pcs",
            "min_order": "1",
            "stock": "tersedia",
            "aksi": "simpan",
        },
    )
    batik.refresh_from_db()
    assert batik.status == Product.Status.PENDING and batik.held_reason
    client.logout()
    assert client.get("/desa/dagan/lapak/kain-batik-tulis/").status_code == 404


def test_a_clean_product_of_a_trusted_seller_still_publishes_at_once(login, sekar, seller, batik):
    _add(login(sekar), description="Batik tulis pewarna alam, motif parang.")
    product = Product.objects.get(name="Kain Batik Baru")
    assert product.status == Product.Status.PUBLISHED and product.held_reason == ""
    assert not IntegrityAlert.objects.exists()
