"""On a 360 px phone a village admin uploads the boundary file and sees the map, then the
public /peta/ shows it with its list of points; screenshots at 360 px and desktop."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from balai.conftest import PASSWORD
from balai.maps.models import Boundary, Place
from balai.maps.tests.conftest import ring

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/notes/shots/h16maps")


def _shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _login(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/dasbor/**")


def test_an_admin_uploads_a_boundary_on_a_phone_and_sees_the_map(
    phone, desktop, alice, dagan, tmp_path
):
    Place.objects.create(
        village=dagan,
        name="Balai Desa Dagan",
        category="kantor",
        latitude=Decimal("-7.3051"),
        longitude=Decimal("109.3685"),
    )
    bad = tmp_path / "utm.geojson"
    bad.write_text(
        json.dumps(
            {
                "type": "Polygon",
                "coordinates": [
                    [[345000, 9192000], [346000, 9192000], [346000, 9193000], [345000, 9192000]]
                ],
            }
        )
    )
    good = tmp_path / "batas-dagan.geojson"
    good.write_text(json.dumps({"type": "Polygon", "coordinates": [ring(3000)]}))

    _login(phone, alice)
    phone.goto("/dasbor/dagan/peta/")
    phone.set_input_files("#id_file", str(bad))
    phone.get_by_role("button", name="Unggah batas desa").click()
    phone.get_by_text("bukan derajat bujur dan lintang").first.wait_for()
    assert not Boundary.objects.exists()
    phone.set_input_files("#id_file", str(good))
    phone.get_by_role("button", name="Unggah batas desa").click()
    phone.get_by_text("Batas desa tersimpan: 3001 titik").wait_for()
    svg = phone.locator("svg.map-svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box and box["width"] <= 360 and box["height"] > 150
    _shot(phone, "dashboard-360")

    phone.goto("/desa/dagan/peta/")
    assert phone.locator("svg.map-svg title").first.text_content() == "Peta Desa Dagan"
    assert phone.get_by_role("heading", name="Daftar titik di peta").is_visible()
    scroll = phone.evaluate("document.documentElement.scrollWidth")
    assert scroll <= 360
    _shot(phone, "village-map-360")
    desktop.goto("/desa/dagan/peta/")
    _shot(desktop, "village-map-desktop")


def test_the_interactive_layer_loads_leaflet_only_when_asked(phone, dagan):
    from balai.maps.models import MapSettings

    Place.objects.create(
        village=dagan,
        name="Balai Desa Dagan",
        category="kantor",
        latitude=Decimal("-7.3051"),
        longitude=Decimal("109.3685"),
    )
    phone.goto("/desa/dagan/peta/")
    assert phone.get_by_role("button", name="Tampilkan peta interaktif").count() == 0
    MapSettings.objects.create(pk=1, tile_url="https://tile.example.org/{z}/{x}/{y}.png")
    from balai.villages.content import content_changed

    content_changed(dagan)
    scripts = []
    phone.on("request", lambda r: scripts.append(r.url) if r.url.endswith(".js") else None)
    phone.goto("/desa/dagan/peta/")
    assert not any("leaflet" in s for s in scripts)
    phone.get_by_role("button", name="Tampilkan peta interaktif").click()
    phone.locator(".leaflet-container").wait_for()
    assert any("leaflet.js" in s for s in scripts)
    assert phone.locator(".leaflet-interactive").count() >= 1  # the point, drawn by Leaflet
