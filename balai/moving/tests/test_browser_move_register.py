"""On a 360 px phone: a village admin uploads OpenSID's own backup, reads what will move and what
will not (every table, with why), confirms, and finds the 326 residents in the register."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from balai.population.models import Resident

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
BACKUP = Path(__file__).parents[2] / "imports" / "tests" / "data" / "opensid_v2410_senggigi.sql.gz"
SCREENSHOTS = os.environ.get("BALAI_SCREENSHOTS", "")


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, name), full_page=True)


def test_an_admin_moves_the_register_in_from_opensid_on_a_phone(phone, alice, dagan):
    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", "rahasia-desa-2026")
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/dasbor/dagan/")
    assert phone.locator("a[href='/dasbor/dagan/pindah/']").count()  # in the dashboard menu
    phone.goto("/dasbor/dagan/pindah/")
    phone.get_by_role("heading", name="Pindah dari OpenSID").wait_for()
    _shot(phone, "move-start-360.png")
    phone.set_input_files("[name=file]", str(BACKUP))
    phone.set_input_files(
        "[name=uploads]", str(BACKUP.with_name("opensid_v2410_senggigi_desa.zip"))
    )
    phone.get_by_label("Pindahkan walau kode desa di cadangan berbeda dengan desa ini").check()
    phone.get_by_role("button", name="Periksa cadangan").click()
    phone.get_by_role("heading", name="Semua tabel di cadangan").wait_for(timeout=60_000)
    content = phone.content()
    assert "OpenSID 24.10" in content and "tweb_penduduk" in content
    from balai.tests.phone_fit import OVERFLOW

    assert phone.evaluate(OVERFLOW) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert not Resident.objects.exists()
    _shot(phone, "move-report-360.png")
    phone.get_by_role("button", name="Impor sekarang").click()
    phone.get_by_text("Data sudah diimpor.").wait_for(timeout=60_000)
    _shot(phone, "move-done-360.png")
    assert Resident.objects.for_village(dagan).count() == 326
    phone.get_by_role("link", name="Lihat data penduduk").click()
    phone.get_by_role("heading", name="Data penduduk").first.wait_for()
    assert "324" in phone.content()  # the living residents, as OpenSID lists them
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    # What OpenSID showed, the village's public site shows: the stories with their pictures.
    phone.goto("/desa/dagan/berita/")
    phone.get_by_role("link", name="Gotong Royong Bersih Pantai Senggigi").first.click()
    phone.locator("article img").first.wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _shot(phone, "move-public-article-360.png")
    assert phone.goto("/desa/dagan/first/artikel/23").url.endswith(
        "/berita/gotong-royong-bersih-pantai-senggigi/"
    )
