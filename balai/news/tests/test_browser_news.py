"""In a real browser on a phone-sized screen: an editor publishes a story with a photo; a
resident sends a story that the editor publishes; a comment is moderated; search finds a
stemmed word."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from balai.conftest import PASSWORD
from balai.villages.models import Membership

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _photo(tmp_path) -> str:
    path = tmp_path / "kamera.jpg"
    out = io.BytesIO()
    PILImage.new("RGB", (1600, 1200), (90, 140, 60)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return str(path)


def _login(page, user) -> None:
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_an_editor_publishes_a_story_with_a_photo_from_a_phone(phone, bob, tmp_path):
    Membership.objects.filter(user=bob).update(can_publish=True)
    _login(phone, bob)
    phone.goto("/dasbor/dagan/berita/tulis/")
    phone.fill("[name=title]", "Pembangunan talud Dusun Krajan selesai")
    phone.fill("[name=summary]", "Talud sepanjang 120 meter kini melindungi sawah warga.")
    phone.locator(".rt-surface").click()
    phone.keyboard.type("Warga bergotong royong.")
    phone.keyboard.press("Enter")
    phone.keyboard.type("Pekerjaan selesai dalam tiga minggu.")
    phone.set_input_files("[name=photo]", _photo(tmp_path))
    phone.fill("[name=alt]", "Talud batu di tepi sawah")
    phone.get_by_role("button", name="Simpan draf").click()
    phone.get_by_text("tersimpan").wait_for()
    phone.get_by_role("button", name="Terbitkan", exact=True).click()
    phone.get_by_text("Berita terbit.").wait_for()
    phone.get_by_role("link", name="Lihat di situs").click()
    phone.get_by_role("heading", name="Pembangunan talud Dusun Krajan selesai").wait_for()
    assert phone.locator("picture source[type='image/webp']").count() == 1
    assert phone.locator("img[alt='Talud batu di tepi sawah']").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    # A visitor searches with another form of the word.
    phone.goto("/desa/dagan/cari/?q=membangun")
    phone.get_by_role("link", name="Pembangunan talud Dusun Krajan selesai").wait_for()


def test_a_resident_story_is_published_and_a_comment_moderated(
    phone, desktop, alice, dagan, tmp_path
):
    phone.goto("/desa/dagan/kirim-berita/")
    phone.fill("[name=name]", "Siti Aminah")
    phone.fill("[name=whatsapp]", "0812 3456 7890")
    phone.fill("[name=title]", "Latihan kuda lumping")
    phone.fill("[name=body]", "Anak-anak Dusun Krajan berlatih kuda lumping setiap Minggu.")
    phone.set_input_files("[name=photo]", _photo(tmp_path))
    phone.fill("[name=alt]", "Anak-anak menari kuda lumping")
    phone.get_by_role("button", name="Kirim cerita").click()
    phone.get_by_text("Nomor kiriman").wait_for()

    _login(desktop, alice)
    desktop.goto("/dasbor/dagan/berita/kiriman/")
    desktop.get_by_role("link", name="Latihan kuda lumping").click()
    desktop.fill("[name=title]", "Anak Krajan berlatih kuda lumping")
    desktop.get_by_role("button", name="Terbitkan atas nama Siti Aminah").click()
    desktop.get_by_text("Kiriman diterbitkan").wait_for()

    phone.goto("/desa/dagan/berita/")
    phone.get_by_role("link", name="Anak Krajan berlatih kuda lumping").click()
    phone.get_by_text("Oleh Siti Aminah (warga)").wait_for()
    page = phone.content()  # the sender's WhatsApp number is never shown
    assert "0812 3456 7890" not in page and "081234567890" not in page
    phone.get_by_role("link", name="Tulis komentar").click()
    phone.fill("[name=name]", "Pak Darto")
    phone.fill("[name=body]", "Semoga lancar pentasnya!")
    phone.get_by_role("button", name="Kirim komentar").click()
    phone.get_by_text("komentar Anda terkirim").wait_for()

    desktop.goto("/dasbor/dagan/berita/komentar/")
    desktop.get_by_role("button", name="Setujui").click()
    desktop.get_by_text("Disetujui").first.wait_for()

    phone.get_by_role("link", name="Kembali ke berita").click()
    phone.get_by_text("Semoga lancar pentasnya!").wait_for()
