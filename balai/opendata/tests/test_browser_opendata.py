"""On a 360 px phone and a desktop: the village's /data/ page and a dataset page read without
sideways scrolling of the page (wide tables scroll inside their own box), and the downloads are
reachable by their names."""

from __future__ import annotations

from pathlib import Path

import pytest

from balai.portal.demo import demo_build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/work/notes/shots/h16data")


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_data_pages_fit_a_phone_and_a_desktop(phone, desktop):
    demo_build(villages=3)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for page, width, name in ((phone, 360, "phone"), (desktop, 1280, "desktop")):
        page.goto("/desa/dagan/data/")
        page.get_by_role("heading", level=1, name="Data terbuka Desa Dagan").wait_for()
        assert _page_width(page) <= width
        page.screenshot(path=str(SHOTS / f"village-data-{name}.png"), full_page=True)
        page.get_by_role("link", name="APBDes dan realisasinya", exact=True).click()
        page.get_by_role("heading", level=1, name="APBDes dan realisasinya").wait_for()
        assert page.get_by_role("link", name="Unduh CSV").is_visible()
        assert _page_width(page) <= width
        page.screenshot(path=str(SHOTS / f"dataset-{name}.png"), full_page=True)
        page.goto("/data/")
        assert _page_width(page) <= width
        page.screenshot(path=str(SHOTS / f"district-data-{name}.png"), full_page=True)
