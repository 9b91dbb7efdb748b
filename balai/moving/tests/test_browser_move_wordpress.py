"""On a 360 px phone: a village admin uploads the old WordPress site's export and its uploads
zip, reads what will move and what will not, confirms, and finds a post on the public site
(with its picture), also at its old WordPress address."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from balai.news.models import Article

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
DATA = Path(__file__).parent / "data"
SCREENSHOTS = os.environ.get("BALAI_SCREENSHOTS", "")


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, name), full_page=True)


def test_an_admin_moves_a_wordpress_site_in_on_a_phone(phone, alice, dagan):
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", "rahasia-desa-2026")
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/pindah/")
    phone.get_by_role("link", name="Pindah dari WordPress").click()
    phone.get_by_role("heading", name="Pindah dari WordPress").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _shot(phone, "wordpress-start-360.png")
    phone.set_input_files("[name=file]", str(DATA / "wordpress_karangsari.xml"))
    phone.set_input_files("[name=uploads]", str(DATA / "wordpress_uploads.zip"))
    phone.get_by_role("button", name="Periksa ekspor").click()
    phone.get_by_role("heading", name="Yang tidak dipindahkan").wait_for(timeout=60_000)
    content = phone.content()
    assert "Desa Karangsari" in content and "hilang.jpg" in content
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert not Article.objects.exists()
    _shot(phone, "wordpress-report-360.png")
    phone.get_by_role("button", name="Impor sekarang").click()
    phone.get_by_text("Data sudah diimpor.").wait_for(timeout=60_000)
    _shot(phone, "wordpress-done-360.png")
    assert Article.objects.for_village(dagan).count() == 6
    phone.goto("/desa/dagan/berita/")
    phone.get_by_role("link", name="Musyawarah Desa 2024").first.click()
    phone.locator("img").first.wait_for()
    assert "Sekretaris Desa Karangsari" in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _shot(phone, "wordpress-public-post-360.png")
    article = Article.objects.get(title="Kerja bakti saluran irigasi")
    phone.goto("/desa/dagan/2024/04/kerja-bakti-saluran-irigasi/")
    assert phone.url.endswith(f"/berita/{article.slug}/")
    phone.goto("/desa/dagan/?p=11")
    assert phone.url.endswith("/berita/musyawarah-desa-2024/")
