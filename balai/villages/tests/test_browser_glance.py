"""The village at a glance on a 360 px phone and a wide screen: with every section filled the
menu stays one row, the panel sits under the village's name in two columns of tappable figures,
nothing is wider than the phone, and the page works without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest

from balai.tests.phone_fit import OVERFLOW
from balai.villages.models import Page
from balai.villages.tests.conftest import add_officials, fill_profile
from balai.villages.tests.test_glance import add_population, fill_everything

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/notes/shots/h16glance")


def _shot(page, name: str) -> None:
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def full_dagan(dagan):
    fill_profile(dagan)
    add_officials(dagan, ("Sugeng Riyadi", "Kepala Desa"))
    fill_everything(dagan)
    for n, title in enumerate(["Layanan Administrasi", "Kebijakan Privasi", "Kontak"]):
        Page.objects.create(village=dagan, title=title, slug=f"hal-{n}", body="Isi.", order=n)
    return dagan


def test_the_panel_and_a_one_row_menu_fit_a_phone(browser, live_server, full_dagan):
    context = browser.new_context(
        viewport={"width": 360, "height": 780},
        base_url=live_server.url,
        locale="id-ID",
        java_script_enabled=False,
    )
    phone = context.new_page()
    phone.goto("/desa/dagan/")
    nav = phone.locator(".village-nav")
    assert nav.bounding_box()["height"] <= 60
    assert phone.locator(".village-nav li").count() >= 9
    assert phone.evaluate(OVERFLOW) == []
    figures = phone.locator(".glance-item")
    assert figures.count() == 5
    boxes = [figures.nth(i).bounding_box() for i in range(5)]
    # Two columns, each figure a target of at least 44 px, the first under the village's name.
    assert len({round(b["x"]) for b in boxes}) == 2
    assert all(b["height"] >= 44 and b["width"] >= 140 for b in boxes)
    title = phone.get_by_role("heading", level=1, name="Desa Dagan").bounding_box()
    assert title["y"] < boxes[0]["y"] < 400
    _shot(phone, "test-phone-dagan-home")
    # Each figure leads to its section; the current page is marked in the menu.
    phone.get_by_role("link", name="Produk dijual").click()
    phone.wait_for_url("**/desa/dagan/lapak/")
    assert phone.locator(".village-nav a[aria-current=page]").inner_text() == "Lapak"
    context.close()


def test_a_wide_screen_shows_the_figures_in_one_row(desktop, full_dagan):
    desktop.goto("/desa/dagan/")
    figures = desktop.locator(".glance-item")
    tops = {round(figures.nth(i).bounding_box()["y"]) for i in range(figures.count())}
    assert figures.count() == 5 and len(tops) == 1
    _shot(desktop, "test-desktop-dagan-home")


def test_the_portal_home_shows_the_kabupaten_on_a_phone(phone, desktop, full_dagan, bojongsari):
    add_population(bojongsari, men=100, women=100, families=50)
    phone.goto("/")
    assert phone.locator(".glance-item").count() == 5
    assert phone.evaluate(OVERFLOW) == []
    assert phone.get_by_role("link", name="Penduduk").get_attribute("href") == "/statistik/"
    _shot(phone, "test-phone-portal-home")
    desktop.goto("/")
    _shot(desktop, "test-desktop-portal-home")
