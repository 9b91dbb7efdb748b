"""Behind the proxy every visitor arrives from 127.0.0.1: the comment and story limits count
the visitor's own address (X-Forwarded-For), so one flooding neighbour does not silence the
rest of the district."""

from __future__ import annotations

from balai.news.models import Comment, Submission
from balai.news.tests.conftest import publish

SUBMIT = "/desa/dagan/kirim-berita/"
STORY = {
    "name": "Siti Aminah",
    "whatsapp": "0812-3456-7890",
    "title": "Latihan kuda lumping",
    "body": "Anak-anak berlatih setiap Minggu sore.",
}
FLOODER = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
NEIGHBOUR = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}


def test_one_visitors_comment_flood_does_not_limit_another_visitor(client, dagan):
    article = publish(dagan, title="Lomba")
    url = f"/desa/dagan/berita/{article.slug}/komentar/"
    for i in range(5):
        client.post(url, {"name": f"N{i}", "body": "halo"}, **FLOODER)
    assert client.post(url, {"name": "N6", "body": "halo"}, **FLOODER).status_code == 429
    response = client.post(url, {"name": "Tetangga", "body": "Selamat!"}, **NEIGHBOUR)
    assert response.status_code == 200 and "komentar Anda terkirim" in response.content.decode()
    assert Comment.objects.filter(name="Tetangga").exists()


def test_one_visitors_story_flood_does_not_limit_another_visitor(client, dagan):
    for _ in range(3):
        client.post(SUBMIT, STORY, **FLOODER)
    assert client.post(SUBMIT, STORY, **FLOODER).status_code == 429
    response = client.post(SUBMIT, {**STORY, "name": "Tetangga"}, **NEIGHBOUR)
    assert response.status_code == 302
    assert Submission.objects.filter(name="Tetangga").exists()


def test_a_forged_header_from_a_direct_visitor_does_not_escape_the_limit(client, dagan):
    article = publish(dagan, title="Lomba")
    url = f"/desa/dagan/berita/{article.slug}/komentar/"
    for i in range(6):
        forged = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": f"10.9.9.{i}"}
        response = client.post(url, {"name": f"N{i}", "body": "halo"}, **forged)
    assert response.status_code == 429
    assert Comment.objects.count() == 5
