"""A resident sends a story; an editor publishes it credited to the resident, or declines it.
Spam is held back by a honeypot and a rate limit; the sender's contact never goes public."""

from __future__ import annotations

from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.news.models import Article, Submission
from balai.news.search import article_search
from balai.villages.tests.conftest import image_upload, text_as_jpg

SUBMIT = "/desa/dagan/kirim-berita/"
STORY = {
    "name": "Siti Aminah",
    "whatsapp": "0812-3456-7890",
    "email": "siti@contoh.id",
    "title": "Latihan kuda lumping",
    "body": "Anak-anak berlatih setiap Minggu sore.",
}


def _detail(pk: int) -> str:
    return reverse("news_dashboard:submission", kwargs={"slug": "dagan", "pk": pk})


def test_a_resident_sends_a_story_with_a_photo_and_gets_a_reference(client, dagan):
    response = client.post(
        SUBMIT, {**STORY, "photo": image_upload(exif=True), "alt": "Anak menari"}, follow=True
    )
    submission = Submission.objects.get()
    assert f"Nomor kiriman: <strong>{submission.pk}</strong>" in response.content.decode()
    assert submission.whatsapp == "+6281234567890" and submission.photo.alt == "Anak menari"


def test_a_bad_number_and_a_fake_photo_are_explained_and_the_story_kept(client, dagan):
    html = client.post(
        SUBMIT, {**STORY, "whatsapp": "12345", "photo": text_as_jpg(), "alt": "x"}
    ).content.decode()
    assert "Tulis nomor WhatsApp seperti" in html and "bukan" in html
    assert "Anak-anak berlatih setiap Minggu sore." in html
    assert not Submission.objects.exists()


def test_a_bot_filling_the_hidden_field_is_refused(client, dagan):
    client.post(SUBMIT, {**STORY, "website": "http://spam.example"})
    assert not Submission.objects.exists()


def test_a_flood_from_one_address_is_stopped_with_a_clear_message(client, dagan):
    for _ in range(3):
        client.post(SUBMIT, STORY)
    response = client.post(SUBMIT, STORY)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert Submission.objects.count() == 3


def test_an_editor_publishes_it_credited_to_the_resident_without_contact(
    login, alice, dagan, client
):
    client.post(SUBMIT, STORY)
    submission = Submission.objects.get()
    c = login(alice)
    page = c.get(_detail(submission.pk)).content.decode()
    assert "+6281234567890" in page
    assert AuditEntry.objects.filter(action="news.submission.view").exists()
    c.post(
        _detail(submission.pk), {"title": "Kuda lumping anak Dagan", "body": "Anak-anak berlatih."}
    )
    article = Article.objects.get()
    assert article.is_live and article.author_name == "Siti Aminah (warga)"
    client.logout()
    html = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    assert "Siti Aminah (warga)" in html
    for private in ("6281234567890", "0812", "siti@contoh.id"):
        assert private not in html
        assert private not in client.get("/desa/dagan/feed/").content.decode()
    assert article_search(village=dagan, query="kuda lumping")


def test_an_editor_declines_with_a_message_to_send_by_whatsapp(login, alice, dagan, client):
    client.post(SUBMIT, STORY)
    submission = Submission.objects.get()
    url = reverse(
        "news_dashboard:submission_decline", kwargs={"slug": "dagan", "pk": submission.pk}
    )
    html = login(alice).post(url, {"message": "Maaf, fotonya kurang jelas."}).content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DECLINED
    assert "https://wa.me/6281234567890?text=Maaf%2C%20fotonya" in html
    assert not Article.objects.exists()


def test_a_village_can_close_the_form(login, alice, dagan, client):
    login(alice).post("/dasbor/dagan/berita/pengaturan/", {"comments_open": "on"})
    client.logout()
    assert client.get(SUBMIT).status_code == 404


def test_an_editor_moderates_without_seeing_the_senders_contact(login, bob, dagan, client):
    client.post(SUBMIT, STORY)
    submission = Submission.objects.get()
    html = login(bob).get(_detail(submission.pk)).content.decode()
    assert "Latihan kuda lumping" in html
    assert "6281234567890" not in html and "siti@contoh.id" not in html
    assert not AuditEntry.objects.filter(action="news.submission.view").exists()


def test_several_photos_become_the_lead_image_and_photos_in_the_story(login, alice, dagan, client):
    photos = [image_upload(name=f"f{i}.jpg") for i in range(2)]
    client.post(SUBMIT, {**STORY, "photo": photos, "alt": "Latihan di halaman"})
    submission = Submission.objects.get()
    assert submission.photos.count() == 2
    login(alice).post(_detail(submission.pk), {"title": "Kuda lumping", "body": "Latihan."})
    article = Article.objects.get()
    assert article.lead_image_id == submission.photo_id
    assert article.body.count("<img") == 1 and 'src="/media/berita/' in article.body


def test_more_than_four_photos_are_refused_and_the_story_kept(client, dagan):
    photos = [image_upload(name=f"f{i}.jpg") for i in range(5)]
    html = client.post(SUBMIT, {**STORY, "photo": photos, "alt": "x"}).content.decode()
    assert "paling banyak 4 foto" in html and "Anak-anak berlatih setiap Minggu sore." in html
    assert not Submission.objects.exists()
