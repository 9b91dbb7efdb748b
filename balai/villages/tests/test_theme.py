"""The village colour as a tiny stylesheet with long caching, linked with the content version."""

from __future__ import annotations

from django.urls import reverse

from balai.villages.colors import contrast_with_white, darker
from balai.villages.content import content_changed


def test_the_theme_is_css_with_the_village_colour_and_long_cache(client, dagan):
    dagan.primary_color = "#8B1E3F"
    dagan.save()
    response = client.get(reverse("site:theme", kwargs={"village_slug": "dagan"}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert response.content.decode() == ":root{--primary:#8b1e3f;--primary-dark:#61152c}\n"
    assert "max-age=31536000" in response["Cache-Control"]


def test_pages_link_the_theme_with_the_content_version(client, dagan):
    html = client.get("/desa/dagan/").content.decode()
    assert f'href="/desa/dagan/tema.css?v={dagan.content_version}"' in html
    content_changed(dagan)
    dagan.refresh_from_db()
    html = client.get("/desa/dagan/").content.decode()
    assert f'href="/desa/dagan/tema.css?v={dagan.content_version}"' in html


def test_contrast_is_measured_the_wcag_way():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#ffffff"), 1) == 1.0
    assert contrast_with_white("#1f6f43") > 4.5
    assert contrast_with_white("#ffcc00") < 4.5
    assert darker("#ffffff") == "#b2b2b2"
