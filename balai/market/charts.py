"""A small bar chart of monthly sales as inline SVG (fill/class attributes only, so the strict
CSP allows it); the same numbers are in the table beside it."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from balai.lib.numbers import rupiah

WIDTH, HEIGHT, BAR_GAP = 320, 140, 4


def monthly_bars_svg(months: list) -> SafeString:
    """Paid value per month, oldest on the left. `months` come newest first."""
    rows = list(reversed(months))
    if not rows:
        return mark_safe("")
    top = max(r.value for r in rows) or 1
    slot = WIDTH / len(rows)
    parts = [
        f'<svg class="market-chart" viewBox="0 0 {WIDTH} {HEIGHT + 18}" role="img" '
        f'aria-labelledby="market-chart-title">',
        f'<title id="market-chart-title">{escape(_("Nilai terbayar per bulan"))}</title>',
    ]
    for i, row in enumerate(rows):
        h = round(HEIGHT * row.value / top)
        x = round(i * slot + BAR_GAP / 2, 1)
        label = escape(f"{date_format(row.month, 'M Y')}: {rupiah(row.value)}")
        parts.append(
            f'<rect x="{x}" y="{HEIGHT - h}" width="{round(slot - BAR_GAP, 1)}" height="{h}" '
            f'fill="#1f6f43"><title>{label}</title></rect>'
        )
        parts.append(
            f'<text x="{round(x + (slot - BAR_GAP) / 2, 1)}" y="{HEIGHT + 14}" font-size="10" '
            f'text-anchor="middle" fill="#333">{escape(date_format(row.month, "M"))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
