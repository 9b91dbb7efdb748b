"""Comments wait for moderation, show without links or contact, and can be closed."""

from __future__ import annotations

from django.urls import reverse

from balai.news.models import Article, Comment
from balai.news.tests.conftest import publish


def _form(article) -> str:
    return f"/desa/dagan/berita/{article.slug}/komentar/"


def _moderate(login, user, comment, status):
    url = reverse("news_dashboard:comment_moderate", kwargs={"slug": "dagan", "pk": comment.pk})
    return login(user).post(url, {"status": status})


def test_a_comment_waits_for_approval_then_shows_without_contact_or_live_links(
    client, login, alice, dagan
):
    article = publish(dagan, title="Panen raya")
    body = 'Bagus! <a href="https://spam.example">murah</a> https://spam.example'
    sent = client.post(_form(article), {"name": "Budi", "contact": "budi@contoh.id", "body": body})
    assert "komentar Anda terkirim" in sent.content.decode()
    comment = Comment.objects.get()
    assert "Budi" not in client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    _moderate(login, alice, comment, "approved")
    client.logout()
    html = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    assert "Budi" in html and "budi@contoh.id" not in html
    assert 'href="https://spam.example"' not in html and "&lt;a href" in html


def test_rejected_and_spam_comments_stay_hidden(client, login, alice, dagan):
    article = publish(dagan, title="Posyandu")
    for name in ("Spammer", "Kasar"):
        Comment.objects.create(village=dagan, article=article, name=name, body="x")
    spam, rude = Comment.objects.order_by("pk")
    _moderate(login, alice, spam, "spam")
    _moderate(login, alice, rude, "rejected")
    client.logout()
    html = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    assert "Spammer" not in html and "Kasar" not in html
    queue = login(alice).get("/dasbor/dagan/berita/komentar/?status=spam").content.decode()
    assert "Spammer" in queue and "Kasar" not in queue


def test_a_comment_flood_is_rate_limited(client, dagan):
    article = publish(dagan, title="Lomba")
    for i in range(5):
        client.post(_form(article), {"name": f"N{i}", "body": "halo"})
    response = client.post(_form(article), {"name": "N6", "body": "halo"})
    assert response.status_code == 429 and "Terlalu banyak percobaan" in response.content.decode()
    assert Comment.objects.count() == 5


def test_the_honeypot_and_empty_fields_are_refused(client, dagan):
    article = publish(dagan, title="Lomba")
    client.post(_form(article), {"name": "Bot", "body": "beli", "website": "x"})
    html = client.post(_form(article), {"name": "", "body": ""}).content.decode()
    assert "error-summary" in html and not Comment.objects.exists()


def test_comments_can_be_closed_per_article_and_per_village(client, login, alice, dagan):
    closed = publish(dagan, title="Tertutup")
    Article.objects.filter(pk=closed.pk).update(comments_open=False)
    assert client.get(_form(closed)).status_code == 404
    assert "Komentar ditutup." in client.get(f"/desa/dagan/berita/{closed.slug}/").content.decode()
    open_one = publish(dagan, title="Terbuka")
    assert client.get(_form(open_one)).status_code == 200
    login(alice).post("/dasbor/dagan/berita/pengaturan/", {"submissions_open": "on"})
    client.logout()
    assert client.get(_form(open_one)).status_code == 404


def test_an_editor_cannot_change_the_village_settings(login, bob, dagan):
    assert login(bob).post("/dasbor/dagan/berita/pengaturan/", {}).status_code == 404


def test_commenters_contact_is_for_admins_only_and_each_look_is_logged(login, alice, bob, dagan):
    from balai.audit.models import AuditEntry

    article = publish(dagan, title="Panen")
    Comment.objects.create(village=dagan, article=article, name="Budi", contact="0812999", body="x")
    assert "0812999" not in login(bob).get("/dasbor/dagan/berita/komentar/").content.decode()
    assert not AuditEntry.objects.filter(action="news.comment.contacts.view").exists()
    assert "0812999" in login(alice).get("/dasbor/dagan/berita/komentar/").content.decode()
    assert AuditEntry.objects.filter(action="news.comment.contacts.view", actor=alice).exists()
