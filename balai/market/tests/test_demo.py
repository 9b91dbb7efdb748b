"""The demo gives live villages sellers and products, Dagan sells batik tulis with motif
variants, orders exist in every state, and clearing removes it all."""

from __future__ import annotations

import random

import pytest

from balai.market import demo
from balai.market.models import Order, Product, Seller, Variant

pytestmark = pytest.mark.django_db


def test_the_demo_builds_a_shop_in_every_village_and_clears_it(dagan, bojongsari):
    counts = demo.demo_build(rng=random.Random(1), villages=[dagan, bojongsari], users={})
    assert counts["products"] == Product.objects.count() > 3
    batik = Product.objects.filter(village=dagan, category="batik", subcategory="batik tulis")
    assert batik.count() == 3
    assert Variant.objects.filter(product__in=batik, name="Motif Parang").count() == 3
    assert set(Order.objects.values_list("status", flat=True)) == set(Order.Status.values)
    assert Seller.objects.filter(village=bojongsari).exists()
    assert Seller.objects.get(name="Batik Tulis Sekar Dagan").user.email == demo.SELLER_LOGIN
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not Product.objects.exists() and not Seller.objects.exists()
