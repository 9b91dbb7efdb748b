"""Server-made SVG charts for every page: horizontal bars, a population pyramid, columns per
period and a plain map of points. No script and no style attribute (the CSP forbids both):
colours are `fill=` attributes, sizes of text come from the `chart-*` classes in balai.css.

Every chart is `role="img"` with a `<title>` that names it, and every page that shows one puts
the same numbers in a table beside it (CONVENTIONS: a chart is never the only way to read a
number). Text is escaped here, so a dusun called `<script>` stays text. Ids are built from the
`chart_id` the page gives, so several charts on one page never repeat an id.

A bar marked `hidden` (a suppressed small count) is drawn as a hatched marker of one fixed
length: its length must not tell the number the table hides.

Framework-free: the result is a `str` that templates print unescaped (it has `__html__`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

GREEN = "#1f6f43"
LIGHT_GREEN = "#cfe3d6"
MID_GREEN = "#7fb08f"
MEN = "#2b6cb0"
WOMEN = "#c05621"
TEXT = "#1b1f1d"
MUTED = "#4f5a54"
HIDDEN_WIDTH = 18  # the hatched marker's length, the same whatever number it stands for
_CHAR_WIDTH = 10  # a generous width of one character of a value at the largest (phone) size
_ID = re.compile(r"^[a-z][a-z0-9-]{0,60}$")


class Svg(str):
    """Markup a template prints as it is (Django and Jinja call `__html__`)."""

    def __html__(self) -> str:
        return self


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart. `text` is written at the bar's end exactly as the table beside
    shows it; `inner` draws a second, darker bar inside (realised against budget)."""

    label: str
    value: int
    text: str
    hidden: bool = False
    inner: int | None = None


@dataclass(frozen=True)
class PyramidRow:
    """One age group: the left (men) and right (women) bars, with their table texts."""

    label: str
    left: int
    right: int
    left_text: str
    right_text: str
    left_hidden: bool = False
    right_hidden: bool = False


@dataclass(frozen=True)
class Series:
    name: str
    colour: str


@dataclass(frozen=True)
class Column:
    """One period (a year, a month): a value per series, and the tooltip of each bar."""

    label: str
    values: tuple[int, ...]
    tooltips: tuple[str, ...] = ()


@dataclass(frozen=True)
class Point:
    label: str
    href: str
    latitude: float
    longitude: float


def _check_id(chart_id: str) -> str:
    if not _ID.match(chart_id):
        raise ValueError(f"chart id {chart_id!r}: lowercase letters, digits and '-' only")
    return chart_id


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _svg(chart_id: str, kind: str, width: float, height: float, title: str, body: list[str]) -> Svg:
    cid = _check_id(chart_id)
    head = (
        f'<svg class="chart chart-{kind}" role="img" id="{cid}" viewBox="0 0 {_num(width)} '
        f'{_num(height)}" xmlns="http://www.w3.org/2000/svg" aria-labelledby="{cid}-title">'
        f'<title id="{cid}-title">{escape(title)}</title>'
    )
    return Svg(head + "".join(body) + "</svg>")


def _hatch(chart_id: str) -> str:
    return (
        f'<defs><pattern id="{chart_id}-hatch" patternUnits="userSpaceOnUse" width="6" '
        'height="6"><rect width="6" height="6" fill="#f2f2f2"/>'
        '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#6b6b6b" stroke-width="1.2"/>'
        "</pattern></defs>"
    )


def _text(x: float, y: float, value: str, cls: str, anchor: str = "") -> str:
    anchor_attr = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{_num(x)}" y="{_num(y)}"{anchor_attr} class="{cls}">{escape(value)}</text>'


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    return (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
        f'fill="{fill}"{extra}/>'
    )


def _short(label: str, most: int) -> str:
    return label if len(label) <= most else label[: most - 1] + "…"


def bar_chart(
    *,
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    colour: str = GREEN,
    inner_colour: str = GREEN,
    width: int = 400,
    empty_text: str = "",
) -> Svg:
    """Horizontal bars, the label above each bar and its text after it (so long labels stay
    readable on a 360 px phone). With `inner` values the bar is light and the inner one dark."""
    if not bars:
        if not empty_text:
            return Svg("")
        return _svg(chart_id, "bars", width, 30, title, [_text(0, 20, empty_text, "chart-label")])
    row_h, bar_h = 52, 18
    reserve = min(max(len(b.text) for b in bars) * _CHAR_WIDTH + 8, width * 0.45)
    usable = width - reserve
    top = max([b.value for b in bars if not b.hidden] + [b.inner or 0 for b in bars] + [1])
    has_inner = any(b.inner is not None for b in bars)
    body = [_hatch(chart_id)] if any(b.hidden for b in bars) else []
    for i, bar in enumerate(bars):
        y = i * row_h + 4
        if bar.hidden:
            w, fill = float(HIDDEN_WIDTH), f"url(#{chart_id}-hatch)"
        else:
            w = max(bar.value / top * usable, 1 if bar.value else 0)
            fill = LIGHT_GREEN if has_inner else colour
        body.append(_text(0, y + 14, _short(bar.label, 48), "chart-label"))
        body.append(_rect(0, y + 21, w, bar_h, fill, ' rx="2"'))
        if bar.inner and not bar.hidden:
            inner = min(bar.inner / top * usable, usable)
            body.append(_rect(0, y + 25, inner, bar_h - 8, inner_colour, ' rx="2"'))
        body.append(_text(w + 6, y + 35, bar.text, "chart-value"))
    return _svg(chart_id, "bars", width, row_h * len(bars) + 8, title, body)


def pyramid_chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[PyramidRow],
    left_key: str,
    right_key: str,
    left_colour: str = MEN,
    right_colour: str = WOMEN,
) -> Svg:
    """Two-sided bars from the middle (an age pyramid): oldest group first, labels between."""
    width, row_h, mid, gap, top = 520, 26, 260, 36, 30
    counts = [r.left for r in rows if not r.left_hidden] + [
        r.right for r in rows if not r.right_hidden
    ]
    scale = (mid - gap - 60) / max([*counts, 1])
    body = [
        _hatch(chart_id),
        _text(mid - gap, 20, left_key, "chart-key", "end"),
        _text(mid + gap, 20, right_key, "chart-key"),
    ]
    hatch = f"url(#{chart_id}-hatch)"
    for i, row in enumerate(rows):
        y = top + i * row_h
        wl = HIDDEN_WIDTH if row.left_hidden else row.left * scale
        wr = HIDDEN_WIDTH if row.right_hidden else row.right * scale
        body += [
            _rect(mid - gap - wl, y, wl, row_h - 4, hatch if row.left_hidden else left_colour),
            _rect(mid + gap, y, wr, row_h - 4, hatch if row.right_hidden else right_colour),
            _text(mid, y + 16, row.label, "chart-label", "middle"),
            _text(mid - gap - wl - 4, y + 16, row.left_text, "chart-value", "end"),
            _text(mid + gap + wr + 4, y + 16, row.right_text, "chart-value"),
        ]
    return _svg(chart_id, "pyramid", width, top + row_h * len(rows) + 8, title, body)


def column_chart(
    *,
    chart_id: str,
    title: str,
    columns: Sequence[Column],
    series: Sequence[Series],
    slot: float = 110,
    height: int = 220,
) -> Svg:
    """Columns per period, one per series side by side, a label under each group; each column
    has a tooltip (`<title>`). `slot` is the width given to one period."""
    if not columns:
        return Svg("")
    n = len(series)
    bar_w = min(36.0, (slot - 8) / n)
    base, top_pad = height - 24, 8
    width = slot * len(columns) + 20
    top = max([v for c in columns for v in c.values] + [1])
    size = 13 if len(columns) <= 8 else 11
    body = [f'<line x1="0" y1="{base}" x2="{_num(width)}" y2="{base}" stroke="#c9d1cc"/>']
    for i, column in enumerate(columns):
        left = 20 + i * slot + (slot - n * bar_w - (n - 1) * 4) / 2
        for k, (value, one) in enumerate(zip(column.values, series, strict=True)):
            h = value / top * (base - top_pad)
            tip = column.tooltips[k] if k < len(column.tooltips) else ""
            tooltip = f"<title>{escape(tip)}</title>" if tip else ""
            x = left + k * (bar_w + 4)
            body.append(
                f'<rect x="{_num(x)}" y="{_num(base - h)}" width="{_num(bar_w)}" '
                f'height="{_num(h)}" fill="{one.colour}">{tooltip}</rect>'
            )
        body.append(
            f'<text x="{_num(left + (n * bar_w + (n - 1) * 4) / 2)}" y="{height - 6}" '
            f'font-size="{size}" text-anchor="middle" fill="{TEXT}">{escape(column.label)}</text>'
        )
    return _svg(chart_id, "columns", width, height, title, body)


def _safe_href(href: str) -> str:
    if not href.startswith(("/", "https://", "http://")):
        raise ValueError(f"chart link {href!r}: only site paths and http(s) addresses")
    return escape(href)


def point_map(*, chart_id: str, title: str, points: Sequence[Point]) -> Svg:
    """Where things are relative to each other: a numbered dot per point on a plain grid, north
    up, each dot a link (no map tiles load). Numbers follow the order of `points`."""
    if not points:
        return Svg("")
    width, height, pad = 400, 260, 24
    lats = [p.latitude for p in points]
    lons = [p.longitude for p in points]
    span_lat = max(max(lats) - min(lats), 0.002)
    span_lon = max(max(lons) - min(lons), 0.002)
    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef4f0" rx="6"/>']
    for k in range(1, 4):
        gx, gy = _num(k * width / 4), _num(k * height / 4)
        body.append(
            f'<line x1="{gx}" y1="0" x2="{gx}" y2="{height}" stroke="#d5e2d9"/>'
            f'<line x1="0" y1="{gy}" x2="{width}" y2="{gy}" stroke="#d5e2d9"/>'
        )
    for n, point in enumerate(points, start=1):
        x = pad + (point.longitude - min(lons)) / span_lon * (width - 2 * pad)
        y = pad + (max(lats) - point.latitude) / span_lat * (height - 2 * pad)
        body.append(
            f'<a href="{_safe_href(point.href)}"><title>{escape(point.label)}</title>'
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="11" fill="{GREEN}"/>'
            f'<text x="{_num(x)}" y="{_num(y + 4)}" font-size="12" text-anchor="middle" '
            f'fill="#fff">{n}</text></a>'
        )
    body.append(
        f'<text x="{width - 8}" y="{height - 8}" font-size="11" text-anchor="end" '
        f'fill="{MUTED}">↑ U</text>'
    )
    return _svg(chart_id, "map", width, height, title, body)
