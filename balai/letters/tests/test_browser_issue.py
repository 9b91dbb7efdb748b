"""On a 360 px phone: an editor with "pelayanan" finds a resident by NIK, picks the letter,
fills only what the register lacks, previews, issues, and opens the verification page; no
page is wider than the phone."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from balai.conftest import PASSWORD
from balai.letters.models import Letter
from balai.villages.models import Membership

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/work/notes/shots/h15letters")


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def _shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_an_operator_issues_a_letter_on_a_phone(phone, bob, resident, officials):
    Membership.objects.filter(user=bob).update(can_serve=True)
    phone.goto("/masuk/")
    phone.fill("[name=email]", bob.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.wait_for_url("**/dasbor/**")
    started = time.monotonic()
    phone.goto("/dasbor/dagan/surat/")
    phone.get_by_label("Cari penduduk: nama atau NIK").fill(resident.nik)
    phone.get_by_role("button", name="Cari penduduk").click()
    assert resident.nik not in phone.url
    _fits(phone)
    _shot(phone, "phone-1-cari")
    phone.get_by_role("link", name="SITI RAHAYU").click()
    phone.get_by_role("link", name="Surat Keterangan Domisili").click()
    phone.get_by_label("Keperluan").fill("melamar pekerjaan")
    _fits(phone)
    _shot(phone, "phone-2-isian")
    phone.get_by_role("button", name="Lihat pratinjau").click()
    phone.get_by_role("heading", name="Pratinjau").wait_for()
    assert phone.get_by_text("melamar pekerjaan").first.is_visible()
    _fits(phone)
    _shot(phone, "phone-3-pratinjau")
    phone.get_by_role("button", name="Terbitkan surat").click()
    letter = Letter.objects.get()
    phone.get_by_text(f"Surat {letter.number} terbit.").wait_for()
    assert time.monotonic() - started < 60
    _fits(phone)
    _shot(phone, "phone-4-terbit")
    assert letter.issued_by == bob and letter.resident == resident
    # The QR's address is the village's public one (DISTRICT_DOMAIN): open its path here.
    href = phone.get_by_role("link", name="Halaman pemeriksaan (QR)").get_attribute("href")
    assert href and href.endswith(f"/desa/dagan/surat/cek/{letter.verify_code}/")
    phone.goto(urlparse(href).path)
    phone.get_by_text("Surat ini asli").wait_for()
    assert resident.nik not in phone.content()
    _fits(phone)
    _shot(phone, "phone-5-periksa")


def _fill(page, spec: dict) -> None:
    """What the operator types for one of the template's own fields."""
    field = page.locator(f"[name=isian_{spec['name']}]")
    if spec["kind"] == "pilihan":
        field.select_option(spec["choices"][0])
    elif spec["kind"] == "tanggal":
        field.fill("2026-11-03")
    elif spec["kind"] == "angka":
        field.fill("2")
    else:
        field.fill("keperluan keluarga")


def test_each_of_the_fifteen_letters_in_under_a_minute_on_a_phone(
    phone, alice, resident, officials
):
    from balai.letters.selectors import village_templates

    phone.goto("/masuk/")
    phone.fill("[name=email]", alice.email)
    phone.fill("[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.wait_for_url("**/dasbor/**")
    templates = village_templates(resident.village)
    assert len(templates) == 15
    for template in templates:
        started = time.monotonic()
        phone.goto("/dasbor/dagan/surat/")
        phone.get_by_label("Cari penduduk: nama atau NIK").fill("siti")
        phone.get_by_role("button", name="Cari penduduk").click()
        phone.get_by_role("link", name="SITI RAHAYU").click()
        phone.get_by_role("link", name=template.title, exact=True).click()
        for spec in template.fields:
            if spec["required"]:
                _fill(phone, spec)
        phone.get_by_role("button", name="Lihat pratinjau").click()
        phone.get_by_role("button", name="Terbitkan surat").click()
        phone.get_by_text(" terbit.").wait_for()
        assert time.monotonic() - started < 60, template.key
        _fits(phone)
    assert Letter.objects.count() == 15
    assert len(set(Letter.objects.values_list("number", flat=True))) == 15
