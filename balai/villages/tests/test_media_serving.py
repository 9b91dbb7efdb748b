"""Public media served without a web server in front: known safe types only, by extension;
nothing under /media/ is ever served as a page."""

from __future__ import annotations

import pytest

from balai.lib.tests import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("name", ["x.html", "x.htm", "x.svg", "x.php", "x.js", "x", "x.PHP"])
def test_a_file_that_somehow_got_a_page_or_script_name_is_not_served(client, media, name):
    (media / name).write_bytes(files.HTML)
    response = client.get(f"/media/{name}")
    assert response.status_code == 404
    assert b"alert(document.domain)" not in response.content


def test_images_are_shown_inline_with_their_type_and_nosniff(client, media):
    (media / "logo").mkdir()
    (media / "logo" / "a.png").write_bytes(files.png_bytes())
    response = client.get("/media/logo/a.png")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_pdfs_are_downloads(client, media):
    (media / "perdes.pdf").write_bytes(files.reportlab_pdf())
    response = client.get("/media/perdes.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_html_bytes_under_an_image_name_are_still_not_a_page(client, media):
    (media / "x.jpg").write_bytes(files.HTML)
    response = client.get("/media/x.jpg")
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
