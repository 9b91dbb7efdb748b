"""What the browser tests of issue 17 ("Tables that fit") measure on a 360x780 phone: page
height in screens, anything wider than the phone outside a scroll region, and the scroll
regions' names for assistive technology."""

from __future__ import annotations

from typing import Any

SCREEN = 780
# Every element wider than the phone must sit inside a scroll region of its own.
OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth, out = [];
  if (root.scrollWidth > width) out.push('page ' + root.scrollWidth);
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (!r.width || r.right <= width + 1) continue;
    let a = e.parentElement, held = false;
    while (a && a !== document.body) {
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(a).overflowX);
      if (scrolls && a.getBoundingClientRect().right <= width + 1) { held = true; break; }
      a = a.parentElement;
    }
    if (!held) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
  }
  return out;
}"""
REGIONS = """() => [...document.querySelectorAll('.table-scroll')].map(r => [
  r.getAttribute('role'), r.getAttribute('tabindex'),
  r.getAttribute('aria-label') || r.getAttribute('aria-labelledby')])"""


def screens(page: Any) -> float:
    return page.evaluate("document.documentElement.scrollHeight") / SCREEN
