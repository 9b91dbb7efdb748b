"""Shop helpers for templates: price labels, share links, the monthly chart, stars. Amounts of
money are shown with `{% load formats %}` (`|rupiah`)."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from balai.lib import charts
from balai.market import prices

register = template.Library()


@register.filter
def price(product) -> str:
    return prices.price_label(product.price_min, product.price_max, product.negotiable)


@register.filter
def urlencode_all(value: str) -> str:
    return quote(str(value), safe="")


@register.filter
def monthly_chart(months: list) -> charts.Svg:
    """Paid value per month as columns, oldest on the left (`months` come newest first); the
    same numbers are in the table beside it."""
    rows = list(reversed(months))
    if not rows:
        return charts.Svg("")
    columns = [
        charts.Column(
            date_format(r.month, "M"),
            (r.value,),
            (f"{date_format(r.month, 'M Y')}: {prices.rupiah(r.value)}",),
        )
        for r in rows
    ]
    return charts.column_chart(
        chart_id="chart-market-months",
        title=_("Nilai terbayar per bulan"),
        columns=columns,
        series=[charts.Series(_("Nilai terbayar"), charts.GREEN)],
        slot=320 / len(rows),
        height=160,
    )


@register.filter
def stars(rating: int) -> str:
    return "★" * int(rating) + "☆" * (5 - int(rating))
