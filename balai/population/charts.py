"""Server-made SVG charts of a statistics table: an age pyramid and horizontal bars.

No style attributes (the CSP forbids them): colours are `fill=` attributes and CSS classes.
A suppressed cell (small, or hidden so that a small one cannot be worked out) never draws a bar
whose length tells its number: it gets a hatched marker of one fixed length, labelled exactly as
the table beside the chart ("< 5" or "*").
"""

from __future__ import annotations

import hashlib

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from balai.population.selectors import Table

MEN, WOMEN, BAR = "#2b6cb0", "#c05621", "#1f6f43"
HIDDEN_W = 18  # the hatched marker's length, the same whatever number it stands for
HATCH = (
    '<defs><pattern id="chart-hatch" patternUnits="userSpaceOnUse" width="6" height="6">'
    '<rect width="6" height="6" fill="#f2f2f2"/>'
    '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#6b6b6b" stroke-width="1.2"/>'
    "</pattern></defs>"
)


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    # One id per chart title: a page with several charts must not repeat an id.
    cid = "chart-" + hashlib.sha1(title.encode()).hexdigest()[:10]
    head = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="{cid}">'
        f'<title id="{cid}">{escape(title)}</title>{HATCH}'
    )
    return mark_safe(head + "".join(body) + "</svg>")


def _text(x: float, y: float, value: str, cls: str, anchor: str = "") -> str:
    anchor_attr = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{x:.1f}" y="{y}"{anchor_attr} class="{cls}">{escape(value)}</text>'


def _rect(x: float, y: float, w: float, h: int, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" fill="{fill}"/>'


def _width(cell, scale: float) -> float:
    return HIDDEN_W if cell.hidden else cell.count * scale


def _fill(cell, colour: str) -> str:
    return "url(#chart-hatch)" if cell.hidden else colour


def pyramid(table: Table, title: str) -> SafeString:
    rows = table.code_rows
    width, row_h, mid, gap = 520, 26, 260, 36
    top = 30
    height = top + row_h * len(rows) + 8
    biggest = max([c.count for r in rows for c in r.cells[:2] if not c.hidden] + [1])
    scale = (mid - gap - 60) / biggest
    body = [
        _text(mid - gap, 20, _("Laki-laki"), "chart-key", "end"),
        _text(mid + gap, 20, _("Perempuan"), "chart-key"),
    ]
    for i, row in enumerate(rows):
        y = top + i * row_h
        men, women = row.cells[0], row.cells[1]
        wm, ww = _width(men, scale), _width(women, scale)
        body += [
            _rect(mid - gap - wm, y, wm, row_h - 4, _fill(men, MEN)),
            _rect(mid + gap, y, ww, row_h - 4, _fill(women, WOMEN)),
            _text(mid, y + 16, row.label, "chart-label", "middle"),
            _text(mid - gap - wm - 4, y + 16, men.text, "chart-value", "end"),
            _text(mid + gap + ww + 4, y + 16, women.text, "chart-value"),
        ]
    return _svg(width, height, title, body)


def bars(table: Table, title: str) -> SafeString:
    rows = [r for r in table.code_rows if r.cells[2].count]
    width, row_h, left = 560, 30, 250
    height = max(row_h * len(rows) + 8, 30)
    biggest = max([r.cells[2].count for r in rows if not r.cells[2].hidden] + [1])
    scale = (width - left - 60) / biggest
    body = [] if rows else [_text(10, 20, _("Belum ada data."), "chart-label")]
    for i, row in enumerate(rows):
        y = 4 + i * row_h
        cell = row.cells[2]
        w = _width(cell, scale)
        label = row.label if len(row.label) <= 24 else row.label[:23] + "…"
        body += [
            _text(left - 6, y + 18, label, "chart-label", "end"),
            _rect(left, y, w, row_h - 6, _fill(cell, BAR)),
            _text(left + w + 4, y + 18, cell.text, "chart-value"),
        ]
    return _svg(width, height, title, body)


def chart_for(table: Table, title: str) -> SafeString:
    return pyramid(table, title) if table.category.key == "umur" else bars(table, title)
