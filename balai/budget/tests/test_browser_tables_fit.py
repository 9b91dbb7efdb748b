"""On a 360x780 phone, with five years of a realistic APBDes (the demo's lines, realisation and
projects): the year page is at most five screens, each breakdown shown once (its chart, the
table folded beneath), the years as one row of chips; the district's budget page keeps its
villages in a table whose first column stays in view while the others scroll. Nothing is
wider than the phone outside a scroll region (issue 17, "Tables that fit")."""

from __future__ import annotations

import random

import pytest

from balai.budget import demo
from balai.tests.phone_fit import OVERFLOW, REGIONS, SCREEN, screens

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_apbdes_year_fits_five_screens_with_each_breakdown_once(phone, dagan, bojongsari):
    demo.demo_build(rng=random.Random(5), villages=[dagan, bojongsari], users={})
    phone.set_viewport_size({"width": 360, "height": SCREEN})
    phone.goto("/desa/dagan/apbdes/")
    assert screens(phone) <= 4.7, screens(phone)
    assert phone.evaluate(OVERFLOW) == []
    years = phone.get_by_role("navigation", name="Tahun anggaran").get_by_role("link")
    assert years.count() == 5
    first, last = years.first.bounding_box(), years.last.bounding_box()
    assert first["y"] == last["y"] < 400 and first["height"] >= 44  # one row, at the top

    # Four breakdowns, four charts; every table is folded or stands alone, never beside a
    # second copy of itself.
    assert phone.locator("svg[role=img]").count() == 4
    folds = phone.locator("details.table-fold")
    assert folds.count() == 4
    assert phone.locator(".budget-grid table:visible").count() == 1  # the financing
    for region in phone.evaluate(REGIONS):
        assert region[:2] == ["region", "0"] and region[2]
    phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert phone.evaluate(OVERFLOW) == []
    row = phone.locator(".budget-grid table").first.locator("tbody tr").first
    assert row.bounding_box()["height"] < 60  # a row of a table, not a card of four lines

    # The district's budget: 2 villages' rows; the village column stays while scrolling.
    phone.goto("/anggaran/")
    assert phone.evaluate(OVERFLOW) == []
    region = phone.get_by_role("region", name="Desa")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    region.evaluate("r => r.scrollLeft = r.scrollWidth")
    name = region.get_by_role("link", name="Dagan").bounding_box()
    assert region.evaluate("r => r.scrollLeft") > 0
    assert name["x"] >= region.bounding_box()["x"] - 1  # still in view: a sticky column
