"""The market freshness check: a live product in the last 90 days; no shop, no question."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from balai.market.freshness import shop_active
from balai.market.models import Product, Seller
from balai.market.tests.conftest import make_product, make_seller
from balai.watch.freshness import freshness_checks


def test_the_check_is_registered():
    assert "shop_active" in {c.key for c in freshness_checks()}


def test_a_recently_updated_published_product_passes(dagan):
    make_product(make_seller(dagan))
    assert shop_active(dagan) is True


def test_a_village_that_never_had_a_seller_is_not_asked(dagan):
    assert shop_active(dagan) is None


def test_a_stale_hidden_or_unapproved_shop_fails(dagan, bojongsari):
    old = make_product(make_seller(dagan))
    Product.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=120))
    make_product(make_seller(dagan, "Keripik Bu Sri"), "Keripik", status=Product.Status.HIDDEN)
    make_product(make_seller(bojongsari, status=Seller.Status.PENDING))
    assert shop_active(dagan) is False
    assert shop_active(bojongsari) is False
