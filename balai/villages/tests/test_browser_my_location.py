"""On a phone at the village office, "Pakai lokasi saya" fills the office's map point from the
phone's position; without JavaScript the button is not there and a pasted pair still works."""

from __future__ import annotations

from decimal import Decimal

import pytest

from balai.conftest import PASSWORD
from balai.villages.models import Village

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PROFILE = "/dasbor/dagan/profil/"


def _login(page, email):
    page.goto("/masuk/")
    page.fill("[name=email]", email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def _context(browser, live_server, **options):
    return browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, **options
    )


def test_my_location_fills_the_office_point(browser, live_server, alice, dagan):
    context = _context(
        browser,
        live_server,
        geolocation={"latitude": -7.305123, "longitude": 109.368456, "accuracy": 12},
        permissions=["geolocation"],
    )
    page = context.new_page()
    _login(page, alice.email)
    page.goto(PROFILE)
    button = page.get_by_role("button", name="Pakai lokasi saya")
    assert button.bounding_box()["height"] >= 44
    button.click()
    page.get_by_text("Lokasi terisi (ketepatan sekitar 12 m)").wait_for()
    assert page.input_value("[name=latitude]") == "-7.305123"
    page.get_by_role("button", name="Simpan profil").click()
    page.get_by_text("Profil desa tersimpan").wait_for()
    village = Village.objects.get(pk=dagan.pk)
    assert (village.latitude, village.longitude) == (Decimal("-7.305123"), Decimal("109.368456"))
    context.close()


def test_without_javascript_the_button_is_hidden_and_a_pasted_pair_works(
    browser, live_server, alice, dagan
):
    context = _context(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    _login(page, alice.email)
    page.goto(PROFILE)
    assert not page.get_by_role("button", name="Pakai lokasi saya").is_visible()
    page.fill("[name=latitude]", "-7.3051, 109.3685")
    page.fill("[name=longitude]", "")
    page.get_by_role("button", name="Simpan profil").click()
    page.get_by_text("Profil desa tersimpan").wait_for()
    village = Village.objects.get(pk=dagan.pk)
    assert (village.latitude, village.longitude) == (Decimal("-7.305100"), Decimal("109.368500"))
    context.close()
