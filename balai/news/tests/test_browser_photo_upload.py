"""A camera photo sent from a phone on the news editor: with JavaScript the browser scales it
down before sending (a small request, stored at most 1,600 px, upright from its EXIF tag);
without JavaScript the server's path does the same work; a dropped connection keeps what was
typed and the button sends it again."""

from __future__ import annotations

import pytest
from PIL import Image as PILImage

from balai.conftest import PASSWORD
from balai.lib.tests import files
from balai.news.models import Article
from balai.villages.models import Membership

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WRITE = "/dasbor/dagan/berita/tulis/"
TITLE = "Panen raya di Dusun Krajan"


@pytest.fixture
def camera_photo(tmp_path):
    path = tmp_path / "IMG_20260101_0800.jpg"
    path.write_bytes(files.camera_jpeg())  # 4000 × 3000, ~7 MB, EXIF orientation 6
    return path


@pytest.fixture
def no_js_phone(browser, live_server):
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        base_url=live_server.url,
        locale="id-ID",
        java_script_enabled=False,
    )
    page = context.new_page()
    yield page
    context.close()


def _write_story(page, user, photo) -> list[int]:
    """Log in, fill the editor and choose the photo; returns the list the body sizes of the
    form's POSTs go to (as the browser counted them, when each request has finished)."""
    page.goto("/masuk/")
    page.fill("[name=email]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(WRITE)
    page.fill("[name=title]", TITLE)
    page.fill("[name=summary]", "Hasil panen tahun ini naik.")
    if page.locator(".rt-surface").is_visible():  # the editor (JavaScript on)
        page.locator(".rt-surface").click()
        page.keyboard.type("Warga memanen padi bersama.")
        page.keyboard.press("Enter")
        page.keyboard.type("Hasilnya naik dua kali lipat.")
    else:
        page.fill("[name=body]", "Warga memanen padi bersama.\n\nHasilnya naik dua kali lipat.")
    page.fill("[name=alt]", "Petani memanen padi di sawah")
    page.set_input_files("[name=photo]", str(photo))
    sent: list[int] = []
    page.on(
        "requestfinished",
        lambda r: (
            sent.append(int(r.all_headers().get("content-length", -1)))
            if r.method == "POST" and r.url.endswith(WRITE)
            else None
        ),
    )
    return sent


def test_with_javascript_the_phone_sends_a_scaled_photo(phone, bob, camera_photo):
    Membership.objects.filter(user=bob).update(can_publish=True)
    sent = _write_story(phone, bob, camera_photo)
    phone.get_by_text("Foto diperkecil dari").wait_for()
    phone.get_by_role("button", name="Simpan draf").click()
    phone.get_by_text("tersimpan").wait_for()

    assert len(sent) == 1 and sent[0] < 400 * 1024, sent  # the 7 MB photo went as < 400 KB
    image = Article.objects.get(title=TITLE).lead_image
    assert max(image.width, image.height) <= 1600
    assert (image.width, image.height) == (1200, 1600)  # upright: the EXIF turn was applied
    with image.file.open("rb") as fh:
        assert len(fh.read()) < 400 * 1024


def test_without_javascript_the_server_scales_the_photo(no_js_phone, bob, camera_photo):
    sent = _write_story(no_js_phone, bob, camera_photo)
    no_js_phone.get_by_role("button", name="Simpan draf").click()
    no_js_phone.get_by_text("tersimpan").wait_for()

    assert len(sent) == 1 and sent[0] > camera_photo.stat().st_size  # sent whole
    image = Article.objects.get(title=TITLE).lead_image
    assert (image.width, image.height) == (1500, 2000)  # the server's master size, upright


def test_a_dropped_upload_keeps_the_form_and_is_sent_again(phone, bob, camera_photo):
    sent = _write_story(phone, bob, camera_photo)

    def drop(route):
        if route.request.method == "POST":
            route.abort("connectionreset")
        else:
            route.continue_()

    phone.route("**" + WRITE, drop)
    phone.get_by_role("button", name="Simpan draf").click()
    phone.get_by_role("alert").filter(has_text="Pengiriman gagal").wait_for()
    assert phone.input_value("[name=title]") == TITLE
    assert "Hasilnya naik" in phone.locator(".rt-surface").inner_text()
    assert phone.input_value("[name=alt]") == "Petani memanen padi di sawah"
    assert not Article.objects.exists()

    phone.unroute("**" + WRITE)
    phone.get_by_role("button", name="Simpan draf").click()  # the same photo, nothing typed again
    phone.get_by_text("tersimpan").wait_for()
    assert Article.objects.get(title=TITLE).lead_image is not None
    assert len(sent) == 1 and sent[0] < 400 * 1024  # the aborted one never finished


def test_a_refused_form_comes_back_with_its_errors_and_text(phone, bob, camera_photo):
    _write_story(phone, bob, camera_photo)
    phone.fill("[name=alt]", "")  # a photo needs its description
    phone.get_by_role("button", name="Simpan draf").click()
    phone.get_by_text("Tulis apa yang terlihat di foto.").first.wait_for()
    assert phone.input_value("[name=title]") == TITLE
    assert phone.url.endswith(WRITE)
    assert not Article.objects.exists()
    # The page drawn from the answer works as a page: its scripts run again.
    phone.fill("[name=alt]", "Petani memanen padi di sawah")
    phone.set_input_files("[name=photo]", str(camera_photo))
    phone.get_by_text("Foto diperkecil dari").wait_for()
    phone.get_by_role("button", name="Simpan draf").click()
    phone.get_by_text("tersimpan").wait_for()
    assert Article.objects.get(title=TITLE).lead_image.height == 1600


def test_a_photo_still_too_big_is_refused_before_anything_is_sent(phone, bob, tmp_path, settings):
    settings.UPLOAD_MAX_IMAGE_MB = 1
    # A drawing with a transparent background stays a PNG when scaled: noise keeps it large.
    noise = [PILImage.effect_noise((2000, 2000), 80) for _ in range(4)]
    path = tmp_path / "gambar.png"
    PILImage.merge("RGBA", noise).save(path, "PNG", compress_level=1)
    sent = _write_story(phone, bob, path)
    phone.get_by_text("lebih besar dari batasnya (1,0 MB)").wait_for()
    phone.get_by_role("button", name="Simpan draf").click()
    phone.get_by_role("alert").filter(has_text="lebih besar dari batasnya").wait_for()
    assert sent == [] and not Article.objects.exists()
    assert phone.input_value("[name=title]") == TITLE
