"""On a 360 px phone: the dashboard page comes first (its heading near the top, the menu behind one
control that works without JavaScript), Keluar logs out from any dashboard page, and a village's
public menu is one row high."""

from __future__ import annotations

import pytest

from balai.conftest import PASSWORD
from balai.villages.models import Page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Issue 17: the page's heading within the first 200 px (a few px for fonts that differ).
HEADING_LIMIT = 200 + 10


def _login(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/dasbor/**")


def _heading_top(page) -> float:
    return page.evaluate("document.querySelector('main h1').getBoundingClientRect().top")


def test_the_heading_comes_first_on_dashboard_pages(phone, alice, dina, kiki):
    _login(phone, alice)
    for url in ("/dasbor/dagan/", "/dasbor/dagan/berita/", "/dasbor/dagan/anggota/"):
        phone.goto(url)
        assert _heading_top(phone) <= HEADING_LIMIT, url
        assert phone.get_by_role("button", name="Keluar").is_visible()
        # The 21 section links wait behind the Menu control.
        assert not phone.get_by_role("link", name="Perangkat desa").is_visible()
    phone.get_by_role("button", name="Keluar").click()
    for user, url in ((dina, "/dasbor/kabupaten/desa/"), (kiki, "/dasbor/kecamatan/")):
        _login(phone, user)
        phone.goto(url)
        assert _heading_top(phone) <= HEADING_LIMIT, url
        phone.get_by_role("button", name="Keluar").click()
        phone.get_by_text("Anda sudah keluar.").wait_for()


def test_keluar_from_a_dashboard_page_ends_the_session(phone, alice):
    _login(phone, alice)
    phone.goto("/dasbor/dagan/berita/")
    phone.get_by_role("button", name="Keluar").click()
    phone.get_by_text("Anda sudah keluar.").wait_for()
    assert phone.url.endswith("/")
    assert phone.get_by_role("link", name="Masuk").is_visible()
    phone.goto("/dasbor/dagan/berita/")
    assert "/masuk/" in phone.url


def test_the_menu_opens_and_leads_on_without_javascript(browser, live_server, alice):
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        base_url=live_server.url,
        java_script_enabled=False,
    )
    page = context.new_page()
    _login(page, alice)
    page.goto("/dasbor/dagan/")
    page.locator("summary", has_text="Menu").click()
    menu = page.get_by_role("navigation", name="Menu dasbor")
    menu.get_by_text("Pengaturan", exact=True).wait_for()
    menu.get_by_role("link", name="Perangkat desa").click()
    page.get_by_role("heading", level=1, name="Perangkat desa").wait_for()
    assert _heading_top(page) <= HEADING_LIMIT
    context.close()


def test_the_village_menu_is_one_row_on_a_phone(phone, desktop, dagan):
    for n, title in enumerate(
        ["Sejarah Desa", "Potensi Desa", "Layanan Administrasi", "Kebijakan Privasi", "Kontak"]
    ):
        body = "Kantor desa buka Senin sampai Jumat. " * 300  # taller than a screen
        Page.objects.create(village=dagan, title=title, slug=f"hal-{n}", body=body, order=n)
    phone.goto("/desa/dagan/")
    items = phone.locator(".village-nav li")
    assert items.count() >= 6
    tops = {round(box["y"]) for box in (item.bounding_box() for item in items.all())}
    assert len(tops) == 1
    assert phone.locator(".village-nav").bounding_box()["height"] <= 60
    # The row scrolls inside itself; the page does not grow sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.locator(".village-nav li").last.get_by_role("link").click()
    phone.get_by_role("heading", level=1, name="Kontak").wait_for()
    # The open section's link, last in the row, starts in view; the page itself stays at its top.
    current = phone.locator(".village-nav a[aria-current=page]").bounding_box()
    assert current["x"] >= 0 and current["x"] + current["width"] <= 360
    assert phone.evaluate("window.scrollY") == 0
    # A wide screen keeps the menu as it was: wrapped rows, the page at its top.
    desktop.goto("/desa/dagan/halaman/hal-4/")
    desktop.get_by_role("heading", level=1, name="Kontak").wait_for()
    assert desktop.evaluate("window.scrollY") == 0
    assert desktop.locator(".site-header .brand").is_visible()
