"""Absolute public addresses of shop pages (for QR codes, WhatsApp texts and emails): the
village's preferred address, whichever host the person is on now."""

from __future__ import annotations

from balai.market.models import Order, Product


def public_product_url(product: Product) -> str:
    return f"{product.village.public_base_url()}lapak/{product.slug}/"


def public_tracking_url(order: Order) -> str:
    return f"{order.village.public_base_url()}lapak/lacak/"
