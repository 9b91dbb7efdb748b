"""Shop helpers for templates: price labels, share links, the monthly chart, stars. Amounts of
money are shown with `{% load formats %}` (`|rupiah`)."""

from __future__ import annotations

from urllib.parse import quote

from django import template

from balai.market import prices

register = template.Library()


@register.filter
def price(product) -> str:
    return prices.price_label(product.price_min, product.price_max, product.negotiable)


@register.filter
def urlencode_all(value: str) -> str:
    return quote(str(value), safe="")


@register.filter
def monthly_chart(months: list):
    from balai.market.charts import monthly_bars_svg

    return monthly_bars_svg(months)


@register.filter
def stars(rating: int) -> str:
    return "★" * int(rating) + "☆" * (5 - int(rating))
