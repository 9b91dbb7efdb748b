"""Server-rendered SVG charts for the transparency page: no script, no style attribute (the CSP
forbids them), a title for screen readers, and the same numbers always in a table beside."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from balai.lib.numbers import percent, short_rupiah

BUDGET_FILL = "#cfe3d6"
REALISED_FILL = "#1f6f43"


def bar_chart(
    title: str, items: list[tuple[str, int, int | None]], *, width: int = 400
) -> SafeString:
    """Horizontal bars: budget (light) with realisation (dark) over it, one row per item.
    A realisation of None draws the budget alone (district totals)."""
    if not items:
        return mark_safe("")
    top = max(max(b, r or 0) for _l, b, r in items) or 1
    row_h, bar_h, label_w = 52, 18, 0
    height = row_h * len(items) + 8
    parts = [
        f'<svg class="chart chart-bars" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" aria-labelledby="{_id(title)}">',
        f'<title id="{_id(title)}">{escape(title)}</title>',
    ]
    usable = width - label_w - 150
    for i, (label, budget, realised) in enumerate(items):
        y = i * row_h + 4
        bw = max(round(budget / top * usable), 1 if budget else 0)
        rw = min(round((realised or 0) / top * usable), usable)
        parts.append(
            f'<text x="0" y="{y + 14}" class="chart-label" font-size="15" fill="#1b1f1d">'
            f"{escape(label)}</text>"
        )
        parts.append(
            f'<rect x="0" y="{y + 21}" width="{bw}" height="{bar_h}" rx="2" '
            f'class="chart-budget" fill="{BUDGET_FILL}"/>'
        )
        if rw:
            parts.append(
                f'<rect x="0" y="{y + 25}" width="{rw}" height="{bar_h - 8}" rx="2" '
                f'class="chart-realised" fill="{REALISED_FILL}"/>'
            )
        value = short_rupiah(budget)
        if realised is not None:
            value += f" · {percent(realised, budget)}"
        parts.append(
            f'<text x="{bw + 6}" y="{y + 35}" font-size="13" class="chart-value" '
            f'fill="#4f5a54">{escape(value)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def year_chart(title: str, years: list[tuple[int, int, int]], *, height: int = 220) -> SafeString:
    """Columns per year: income and spending budget side by side."""
    if not years:
        return mark_safe("")
    top = max(max(i, s) for _y, i, s in years) or 1
    group_w, col_w, base = 110, 36, height - 24
    width = group_w * len(years) + 20
    parts = [
        f'<svg class="chart chart-years" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="{_id(title)}">',
        f'<title id="{_id(title)}">{escape(title)}</title>',
        f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#c9d1cc"/>',
    ]
    for n, (year, income, spending) in enumerate(years):
        x = n * group_w + 20
        for k, (value, fill, cls) in enumerate(
            ((income, "#7fb08f", "chart-income"), (spending, REALISED_FILL, "chart-spending"))
        ):
            h = round(value / top * (base - 24))
            parts.append(
                f'<rect x="{x + k * (col_w + 4)}" y="{base - h}" width="{col_w}" height="{h}" '
                f'class="{cls}" fill="{fill}"/>'
            )
        parts.append(
            f'<text x="{x + col_w + 2}" y="{height - 6}" font-size="13" text-anchor="middle" '
            f'fill="#1b1f1d">{year}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _id(title: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in title.lower())[:40]


def points_map(title: str, points: list[tuple[str, str, float, float]]) -> SafeString:
    """Where the projects are, relative to each other: a dot per project on a plain grid
    (no map tiles load; each dot links to its page, which links to OpenStreetMap).
    `points` are (label, href, latitude, longitude)."""
    if not points:
        return mark_safe("")
    width, height, pad = 400, 260, 24
    lats = [p[2] for p in points]
    lons = [p[3] for p in points]
    span_lat = max(max(lats) - min(lats), 0.002)
    span_lon = max(max(lons) - min(lons), 0.002)
    parts = [
        f'<svg class="chart chart-map" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{_id(title)}">',
        f'<title id="{_id(title)}">{escape(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef4f0" rx="6"/>',
    ]
    for k in range(1, 4):
        parts.append(
            f'<line x1="{k * width / 4:.0f}" y1="0" x2="{k * width / 4:.0f}" y2="{height}" '
            f'stroke="#d5e2d9"/><line x1="0" y1="{k * height / 4:.0f}" x2="{width}" '
            f'y2="{k * height / 4:.0f}" stroke="#d5e2d9"/>'
        )
    for n, (label, href, lat, lon) in enumerate(points, start=1):
        x = pad + (lon - min(lons)) / span_lon * (width - 2 * pad)
        y = pad + (max(lats) - lat) / span_lat * (height - 2 * pad)
        parts.append(
            f'<a href="{escape(href)}"><title>{escape(label)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="{REALISED_FILL}"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="12" text-anchor="middle" '
            f'fill="#fff">{n}</text></a>'
        )
    parts.append(
        f'<text x="{width - 8}" y="{height - 8}" font-size="11" text-anchor="end" '
        f'fill="#4f5a54">↑ U</text></svg>'
    )
    return mark_safe("".join(parts))
