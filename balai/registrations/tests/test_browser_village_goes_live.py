"""The whole path in a real browser: a village applies on a phone, the district approves on a
desktop, the invited admin sets a password, fills the profile, adds an official, and the public
site shows it."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from balai.registrations.demo import tiny_pdf
from balai.registrations.models import Application

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_village_applies_is_approved_and_its_admin_publishes_the_site(
    phone, desktop, dina, tmp_path
):
    letter = tmp_path / "surat-permohonan.pdf"
    letter.write_bytes(tiny_pdf())

    # The sekretaris desa of Bokol applies on her phone.
    phone.goto("/daftar/")
    phone.get_by_role("link", name="Mulai sekarang").click()
    phone.get_by_label("Cari nama desa, kelurahan atau kecamatan").fill("Bokol")
    phone.get_by_role("button", name="Cari").click()
    phone.get_by_label(re.compile(r"Desa Bokol")).check()
    phone.get_by_role("button", name="Lanjutkan").click()
    phone.fill("[name=applicant_name]", "Sri Wahyuni")
    phone.get_by_label("Sekretaris desa / kelurahan").check()
    phone.fill("[name=whatsapp]", "0812-3456-7890")
    phone.fill("[name=email]", "sri@bokol.desa.id")
    phone.get_by_role("button", name="Lanjutkan").click()
    assert phone.input_value("[name=wanted_slug]") == "bokol"
    phone.get_by_role("button", name="Lanjutkan").click()
    phone.set_input_files("[name=letter]", str(letter))
    phone.get_by_role("button", name="Lanjutkan").click()
    phone.get_by_role("heading", name=re.compile("Periksa")).wait_for()
    phone.get_by_role("button", name="Kirim permohonan").click()
    code = phone.locator(".tracking-code").inner_text().strip()
    assert Application.objects.get(code=code).status == Application.Status.SUBMITTED

    # Dinkominfo approves it from the queue.
    desktop.goto("/masuk/")
    desktop.fill("[name=email]", dina.email)
    desktop.fill("[name=password]", "rahasia-desa-2026")
    desktop.get_by_role("button", name="Masuk").click()
    desktop.goto("/dasbor/kabupaten/pendaftaran/")
    desktop.get_by_role("link", name=re.compile("Bokol")).first.click()
    desktop.get_by_role("button", name="Setujui dan buat situs").click()
    shown_link = desktop.get_by_label("Tautan undangan").input_value()

    # The applicant follows the invitation from her email and sets a password.
    invitation = next(
        m for m in mail.outbox if "/undangan/" in m.body and m.to == ["sri@bokol.desa.id"]
    )
    path = re.search(r"/undangan/[\w-]+/", invitation.body).group(0)
    assert shown_link.endswith(path)  # the same link, for WhatsApp
    phone.goto(path)
    phone.fill("[name=name]", "Sri Wahyuni")
    phone.fill("[name=password1]", "batik-tulis-bokol-26")
    phone.fill("[name=password2]", "batik-tulis-bokol-26")
    phone.get_by_role("button", name="Buat akun dan bergabung").click()
    phone.wait_for_url(re.compile(r"/dasbor/bokol/"))

    # She fills the profile and adds the kepala desa.
    phone.goto("/dasbor/bokol/profil/")
    phone.fill("[name=tagline]", "Desa penghasil gula kelapa")
    phone.fill("[name=vision]", "Bokol yang maju dan mandiri")
    phone.get_by_role("button", name="Simpan profil").click()
    phone.goto("/dasbor/bokol/perangkat/")
    phone.get_by_role("link", name="Tambah perangkat").click()
    phone.fill("[name=name]", "Bambang Sutrisno")
    phone.fill("[name=position]", "Kepala Desa")
    phone.get_by_role("button", name="Tambah perangkat").click()

    # A visitor sees it on the public site.
    visitor = desktop.context.browser.new_page(base_url=desktop.url.split("/dasbor")[0])
    visitor.goto("/desa/bokol/")
    assert "Desa penghasil gula kelapa" in visitor.content()
    visitor.get_by_role("link", name="Pemerintahan").first.click()
    assert visitor.get_by_text("Bambang Sutrisno").is_visible()
    assert "0812" not in visitor.content() and "sri@bokol" not in visitor.content()
    visitor.close()
