"""Gambling spam never goes public by itself: a story is held for review with the reason on the
dashboard, a resident's story is flagged in the queue, a comment goes to spam, and the district
gets an alert."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from balai.news.models import Article, Comment, Submission
from balai.news.services import article_save
from balai.news.tests.conftest import draft, publish
from balai.watch.integrity import integrity_watch_run
from balai.watch.models import IntegrityAlert

SPAM = "Daftar slot gacor maxwin hari ini, dijamin menang"


def _dash(name: str, **kw) -> str:
    return reverse(f"news_dashboard:{name}", kwargs={"slug": "dagan", **kw})


def test_publishing_spam_holds_it_for_review_and_alerts_the_district(login, alice, dina, dagan):
    article = draft(dagan, title="Info terbaru", body=SPAM)
    client = login(alice)
    response = client.post(_dash("publish", pk=article.pk), follow=True)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW and "gacor" in article.held_reason
    html = response.content.decode()
    assert "ditahan untuk ditinjau" in html and "gacor, maxwin, slot" in html
    assert "ditahan: kemungkinan spam" in client.get(_dash("list")).content.decode()
    alert = IntegrityAlert.objects.get()
    assert alert.kind == "gambling" and alert.village == dagan and "Info terbaru" in alert.message
    assert dina.email in mail.outbox[-1].to
    assert client.get(f"/desa/dagan/berita/{article.slug}/").status_code == 404
    integrity_watch_run()  # the watch knows this one already
    assert IntegrityAlert.objects.count() == 1


def test_editing_a_public_story_into_spam_takes_it_off_the_site(client, dagan):
    article = publish(dagan, title="Kerja bakti")
    assert client.get(f"/desa/dagan/berita/{article.slug}/").status_code == 200
    article.body = SPAM
    article_save(village=dagan, article=article, actor=None)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert client.get(f"/desa/dagan/berita/{article.slug}/").status_code == 404
    assert IntegrityAlert.objects.filter(village=dagan).exists()


def test_a_clean_story_publishes_as_before(dagan):
    article = publish(dagan, title="Pemilihan ketua RT di balai desa")
    assert article.status == Article.Status.PUBLISHED and article.held_reason == ""
    assert not IntegrityAlert.objects.exists()


def test_a_mentor_may_release_a_held_story_but_the_village_admin_may_not(login, alice, maya, dagan):
    article = draft(dagan, title="Sosialisasi bahaya judi online", body="Jangan main judi.")
    login(alice).post(_dash("publish", pk=article.pk))
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    login(maya).post(_dash("publish", pk=article.pk))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.held_reason == ""


def test_a_spam_submission_is_flagged_in_the_queue_and_alerted(client, login, alice, dagan):
    story = {"name": "Admin", "whatsapp": "0812-3456-7890", "title": "Promo", "body": SPAM}
    client.post("/desa/dagan/kirim-berita/", story)
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.NEW and "slot" in submission.held_reason
    editor = login(alice)
    assert "ditandai: kemungkinan spam" in editor.get(_dash("submissions")).content.decode()
    detail = editor.get(_dash("submission", pk=submission.pk)).content.decode()
    assert "kemungkinan spam" in detail and "gacor" in detail
    assert IntegrityAlert.objects.filter(village=dagan, kind="gambling").count() == 1


def test_a_clean_submission_is_not_flagged(client, dagan):
    story = {"name": "Siti", "whatsapp": "0812-3456-7890", "title": "Latihan", "body": "Seru."}
    client.post("/desa/dagan/kirim-berita/", story)
    assert Submission.objects.get().held_reason == ""
    assert not IntegrityAlert.objects.exists()


def test_a_spam_comment_goes_to_spam_not_the_approval_queue(client, login, alice, dagan):
    article = publish(dagan, title="Panen raya")
    url = f"/desa/dagan/berita/{article.slug}/komentar/"
    client.post(url, {"name": "Bandar", "body": SPAM})
    client.post(url, {"name": "Budi", "body": "Semoga panen berikutnya melimpah."})
    assert Comment.objects.get(name="Bandar").status == Comment.Status.SPAM
    assert Comment.objects.get(name="Budi").status == Comment.Status.PENDING
    pending = login(alice).get(_dash("comments")).content.decode()
    assert "Budi" in pending and "Bandar" not in pending
