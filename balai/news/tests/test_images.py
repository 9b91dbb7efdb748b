"""Photos from a phone: checked by content, EXIF gone, variants made, served small and lazy."""

from __future__ import annotations

import io

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from balai.news.models import Article, Image
from balai.villages.tests.conftest import image_upload, text_as_jpg

ADD = "/dasbor/dagan/berita/tulis/"
FORM = {"title": "Panen raya", "body": "Petani memanen padi.", "alt": "Petani di sawah"}


def test_a_phone_photo_is_stored_without_its_location_and_cut_into_widths(login, alice):
    login(alice).post(ADD, {**FORM, "photo": image_upload(size=(2000, 1500), exif=True)})
    image = Article.objects.get().lead_image
    with default_storage.open(image.file.name) as fh, PILImage.open(fh) as stored:
        assert not stored.getexif()
        assert max(stored.size) <= 2000
    assert image.variants["widths"] == [480, 960, 1440]
    for ext in ("webp", "jpg"):
        for name in image.variants[ext].values():
            assert default_storage.exists(name)
    with default_storage.open(image.variants["webp"]["480"]) as fh, PILImage.open(fh) as small:
        assert small.format == "WEBP" and small.width == 480


def test_the_public_page_serves_srcset_webp_and_lazy_images(login, alice, client, dagan):
    from balai.news.services import article_publish

    login(alice).post(ADD, {**FORM, "photo": image_upload(size=(1600, 1000))})
    article = Article.objects.get()
    article_publish(village=dagan, article=article)
    client.logout()
    html = client.get("/desa/dagan/berita/").content.decode()
    assert 'type="image/webp"' in html and "480w" in html and 'loading="lazy"' in html
    assert 'alt="Petani di sawah"' in html


def test_a_text_file_named_jpg_is_refused_and_the_text_is_kept(login, alice):
    response = login(alice).post(ADD, {**FORM, "photo": text_as_jpg()})
    html = response.content.decode()
    assert response.status_code == 200 and "bukan" in html
    assert "Petani memanen padi." in html
    assert not Article.objects.exists() and not Image.objects.exists()


def test_a_photo_over_the_limit_is_refused_with_its_size(login, alice):
    big = SimpleUploadedFile("besar.jpg", b"\xff\xd8\xff" + b"0" * (20 * 1024 * 1024 + 10))
    html = login(alice).post(ADD, {**FORM, "photo": big}).content.decode()
    assert "terlalu besar" in html and "Panen raya" in html
    assert not Article.objects.exists()


def test_a_photo_of_over_10_mb_is_accepted(login, alice):
    img = PILImage.effect_noise((2400, 2400), 120).convert("RGB")
    out = io.BytesIO()
    img.save(out, "PNG")
    assert 10 * 1024 * 1024 < out.tell() < 15 * 1024 * 1024
    upload = SimpleUploadedFile("kamera.png", out.getvalue(), "image/png")
    response = login(alice).post(ADD, {**FORM, "photo": upload})
    assert response.status_code == 302 and Article.objects.get().lead_image is not None


def test_a_photo_without_alt_text_is_refused(login, alice):
    html = login(alice).post(ADD, {**FORM, "alt": "", "photo": image_upload()}).content.decode()
    assert "Tulis apa yang terlihat di foto." in html
    assert not Article.objects.exists()


def test_the_editor_polls_until_the_phone_sizes_are_ready(login, alice, dagan):
    from django.core.files.base import ContentFile

    from balai.news.images import image_make_variants

    image = Image(village=dagan, alt="Sawah")
    out = io.BytesIO()
    PILImage.new("RGB", (1200, 800), (10, 120, 40)).save(out, "JPEG")
    image.file.save("x.jpg", ContentFile(out.getvalue()))
    url = f"/dasbor/dagan/berita/foto/{image.pk}/"
    c = login(alice)
    pending = c.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in pending and "Muat ulang" in pending
    image_make_variants(image_id=image.pk)
    done = c.get(url).content.decode()
    assert "sudah siap" in done and "hx-trigger" not in done


def test_the_phone_sizes_reach_pages_already_cached(dagan):
    # The variants are written with QuerySet.update (no signal): the village's cached pages
    # must still move to a new version, or they keep serving the full-size photo.
    from django.core.files.base import ContentFile

    from balai.news.images import image_make_variants

    image = Image(village=dagan, alt="Sawah")
    out = io.BytesIO()
    PILImage.new("RGB", (1200, 800), (10, 120, 40)).save(out, "JPEG")
    image.file.save("x.jpg", ContentFile(out.getvalue()))
    dagan.refresh_from_db()
    before = dagan.content_version
    image_make_variants(image_id=image.pk)
    dagan.refresh_from_db()
    assert dagan.content_version > before
