"""Another village's admin gets 404 on every news dashboard URL of Dagan, GET and POST, and
nothing of Dagan changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.news.models import (
    Album,
    Article,
    ArticleRevision,
    Comment,
    Event,
    Image,
    NewsSettings,
    Submission,
)
from balai.news.tests.conftest import publish
from balai.villages.tests.conftest import image_upload

NO_PK = [
    "list",
    "add",
    "categories",
    "submissions",
    "comments",
    "settings",
    "events",
    "event_add",
    "albums",
]
ARTICLE = ["edit", "publish", "status", "delete", "revisions"]
ALL = (
    NO_PK
    + ARTICLE
    + [
        "restore",
        "submission",
        "submission_decline",
        "comment_moderate",
        "event_edit",
        "event_delete",
        "album",
        "album_delete",
        "image_status",
    ]
)
POST_DATA = {
    "title": "Diretas",
    "body": "x",
    "name": "Penyusup",
    "status": "draft",
    "message": "x",
    "comments_open": "",
    "place": "x",
    "starts_at": "2026-01-01T08:00",
    "alt": "x",
}


@pytest.fixture
def things(dagan):
    article = publish(dagan, title="Berita Dagan")
    revision = ArticleRevision.objects.filter(article=article).first()
    submission = Submission.objects.create(
        village=dagan, name="Siti", whatsapp="+6281234567890", title="t", body="b"
    )
    comment = Comment.objects.create(village=dagan, article=article, name="Budi", body="halo")
    event = Event.objects.create(
        village=dagan, title="Musdes", place="Balai", starts_at=article.publish_at
    )
    album = Album.objects.create(village=dagan, title="Panen", slug="panen")
    image = Image.objects.create(village=dagan, file="berita/x.jpg", alt="x")
    return {
        "article": article,
        "revision": revision,
        "submission": submission,
        "comment": comment,
        "event": event,
        "album": album,
        "image": image,
    }


def url(name: str, t: dict) -> str:
    kw: dict = {"slug": "dagan"}
    if name in NO_PK:
        pass
    elif name in ARTICLE:
        kw["pk"] = t["article"].pk
    elif name == "restore":
        kw.update(pk=t["article"].pk, rev=t["revision"].pk)
    elif name.startswith("submission"):
        kw["pk"] = t["submission"].pk
    elif name == "image_status":
        kw["pk"] = t["image"].pk
    elif name == "comment_moderate":
        kw["pk"] = t["comment"].pk
    elif name.startswith("event_") and name != "event_add":
        kw["pk"] = t["event"].pk
    elif name.startswith("album") and name != "albums":
        kw["pk"] = t["album"].pk
    return reverse(f"news_dashboard:{name}", kwargs=kw)


def test_every_news_dashboard_url_is_covered_here():
    from balai.news.urls.dashboard import urlpatterns

    assert {p.name for p in urlpatterns} == set(ALL)


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_village_admin_gets_404_on_every_dagan_news_url(
    client, charlie, things, name, method
):
    client.force_login(charlie)
    data = {**POST_DATA, "photo": image_upload()} if method == "post" else {}
    response = getattr(client, method)(url(name, things), data)
    assert response.status_code == 404
    article = Article.objects.get(pk=things["article"].pk)
    assert article.title == "Berita Dagan" and article.status == Article.Status.PUBLISHED
    assert Comment.objects.get(pk=things["comment"].pk).status == Comment.Status.PENDING
    assert Submission.objects.get(pk=things["submission"].pk).status == Submission.Status.NEW
    assert not NewsSettings.objects.exists()
    assert Event.objects.filter(village=things["event"].village).count() == 1


@pytest.mark.parametrize("name", ["list", "add", "submissions", "comments", "events", "albums"])
def test_dagans_own_people_can_open_the_news_pages(login, alice, bob, maya, things, name):
    for person in (alice, bob, maya):
        assert login(person).get(url(name, things)).status_code == 200


@pytest.mark.parametrize("name", [n for n in ALL if n not in NO_PK])
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_admin_on_their_own_dashboard_gets_404_for_dagans_ids(
    client, charlie, bojongsari, things, name, method
):
    client.force_login(charlie)
    address = url(name, things).replace("/dagan/", f"/{bojongsari.slug}/", 1)
    assert f"/{bojongsari.slug}/" in address
    data = {**POST_DATA, "photo": image_upload()} if method == "post" else {}
    response = getattr(client, method)(address, data)
    # A GET on a POST-only URL is refused before any lookup (405), which shows nothing.
    assert response.status_code in ((404, 405) if method == "get" else (404,))
    article = Article.objects.get(pk=things["article"].pk)
    assert article.title == "Berita Dagan" and article.status == Article.Status.PUBLISHED
    assert Comment.objects.get(pk=things["comment"].pk).status == Comment.Status.PENDING
    assert Submission.objects.get(pk=things["submission"].pk).status == Submission.Status.NEW
    assert Album.objects.filter(pk=things["album"].pk).exists()
    assert Event.objects.filter(pk=things["event"].pk).exists()
