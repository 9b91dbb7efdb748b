"""Editors write; admins publish (or editors the village lets publish); scheduled publishing;
slugs; revisions."""

from __future__ import annotations

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from balai.news.models import Article, ArticleRevision
from balai.news.services import article_publish, articles_publish_due
from balai.news.tests.conftest import draft, publish
from balai.villages.models import Membership

ADD = "/dasbor/dagan/berita/tulis/"


def _edit(pk: int) -> str:
    return reverse("news_dashboard:edit", kwargs={"slug": "dagan", "pk": pk})


def _action(name: str, pk: int) -> str:
    return reverse(f"news_dashboard:{name}", kwargs={"slug": "dagan", "pk": pk})


def test_an_editor_writes_a_draft_that_the_public_cannot_see(login, bob, client):
    response = login(bob).post(
        ADD, {"title": "Kerja bakti Minggu", "body": "Semua warga datang.", "comments_open": "on"}
    )
    article = Article.objects.get()
    assert response.status_code == 302 and article.status == Article.Status.DRAFT
    assert article.author_name == "Bob Santoso"
    client.logout()
    assert client.get(f"/desa/dagan/berita/{article.slug}/").status_code == 404


def test_an_editor_without_permission_sends_for_review_but_cannot_publish(login, bob, dagan):
    article = draft(dagan, title="Posyandu")
    c = login(bob)
    assert c.post(_action("publish", article.pk)).status_code == 404
    c.post(_action("status", article.pk), {"status": "review"})
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert "Kirim untuk disetujui" not in c.get(_edit(article.pk)).content.decode()


def test_an_admin_publishes_and_the_story_appears(login, alice, dagan, client):
    article = draft(dagan, title="Panen raya")
    response = login(alice).post(_action("publish", article.pk), {"publish_at": ""}, follow=True)
    assert "Berita terbit." in response.content.decode()
    client.logout()
    assert "Panen raya" in client.get("/desa/dagan/berita/").content.decode()


def test_an_editor_the_village_trusts_publishes_directly(login, bob, dagan):
    Membership.objects.filter(user=bob).update(can_publish=True)
    article = draft(dagan, title="Lomba")
    login(bob).post(_action("publish", article.pk), {"publish_at": ""})
    article.refresh_from_db()
    assert article.is_live


def test_a_future_time_waits_and_the_timer_publishes_it(login, alice, dagan, client):
    article = draft(dagan, title="Pengumuman musdes")
    later = timezone.localtime() + timedelta(hours=2)
    login(alice).post(
        _action("publish", article.pk), {"publish_at": later.strftime("%Y-%m-%dT%H:%M")}
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and not article.is_live
    client.logout()
    assert "Pengumuman musdes" not in client.get("/desa/dagan/berita/").content.decode()
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert Article.objects.get(pk=article.pk).is_announced
    assert "Pengumuman musdes" in client.get("/desa/dagan/berita/").content.decode()


def test_the_timer_refreshes_the_cached_pages_of_that_village(dagan, client):
    article = draft(dagan, title="Terjadwal")
    article_publish(village=dagan, article=article, when=timezone.now() + timedelta(hours=1))
    client.get("/desa/dagan/berita/")  # cached without it
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert articles_publish_due() == 1
    assert "Terjadwal" in client.get("/desa/dagan/berita/").content.decode()


def test_a_time_in_the_past_publishes_now_with_a_notice(login, alice, dagan):
    article = draft(dagan, title="Terlambat")
    response = login(alice).post(
        _action("publish", article.pk), {"publish_at": "2020-01-01T08:00"}, follow=True
    )
    article.refresh_from_db()
    assert article.is_live and article.publish_at > timezone.now() - timedelta(minutes=1)
    assert "sudah lewat" in response.content.decode()


def test_a_nonsense_time_is_refused_with_a_message(login, alice, dagan):
    article = draft(dagan, title="Aneh")
    response = login(alice).post(
        _action("publish", article.pk), {"publish_at": "besok pagi"}, follow=True
    )
    assert "Tulis waktu terbit" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_duplicate_title_gets_a_new_slug(dagan):
    first = draft(dagan, title="Kerja Bakti")
    second = draft(dagan, title="Kerja Bakti")
    assert (first.slug, second.slug) == ("kerja-bakti", "kerja-bakti-2")


def test_the_same_title_in_another_village_keeps_its_slug(dagan, bojongsari):
    assert draft(dagan, title="Musdes").slug == draft(bojongsari, title="Musdes").slug == "musdes"


def test_the_slug_stays_when_the_title_changes(login, alice, dagan):
    article = publish(dagan, title="Judul lama")
    login(alice).post(_edit(article.pk), {"title": "Judul baru", "body": "x"})
    article.refresh_from_db()
    assert (article.title, article.slug) == ("Judul baru", "judul-lama")


def test_every_save_keeps_a_revision_and_an_earlier_one_can_be_restored(login, alice, dagan):
    article = draft(dagan, title="Versi satu", body="Isi pertama.")
    c = login(alice)
    c.post(_edit(article.pk), {"title": "Versi dua", "body": "Isi kedua."})
    assert ArticleRevision.objects.filter(article=article).count() == 2
    first = ArticleRevision.objects.filter(article=article).order_by("saved_at", "id").first()
    page = c.get(
        reverse("news_dashboard:revisions", kwargs={"slug": "dagan", "pk": article.pk}),
        {"lihat": first.pk},
    )
    assert "Isi pertama." in page.content.decode()
    c.post(
        reverse(
            "news_dashboard:restore", kwargs={"slug": "dagan", "pk": article.pk, "rev": first.pk}
        )
    )
    article.refresh_from_db()
    assert article.title == "Versi satu" and "Isi pertama." in article.body
    assert ArticleRevision.objects.filter(article=article).count() == 3


def test_an_editor_cannot_take_a_published_story_down(login, bob, dagan):
    article = publish(dagan, title="Sudah terbit")
    assert login(bob).post(_action("status", article.pk), {"status": "draft"}).status_code == 404
    assert login(bob).post(_action("delete", article.pk)).status_code == 404


def test_an_admin_deletes_a_story_and_it_is_gone_from_search(login, alice, dagan):
    from balai.news.search import article_search

    article = publish(dagan, title="Hapus saya")
    login(alice).post(_action("delete", article.pk))
    assert not Article.objects.exists()
    assert article_search(village=dagan, query="hapus") == []


def test_a_new_category_can_be_added_and_chosen(login, alice, dagan):
    c = login(alice)
    c.post("/dasbor/dagan/berita/kategori/", {"name": "Kesehatan"})
    assert "Kesehatan" in c.get(ADD).content.decode()


def test_an_editor_without_permission_cannot_change_a_published_story(login, bob, dagan):
    article = publish(dagan, title="Sudah tayang", body="Isi asli.")
    c = login(bob)
    assert "Hanya admin desa yang dapat mengubahnya" in c.get(_edit(article.pk)).content.decode()
    c.post(_edit(article.pk), {"title": "Diubah editor", "body": "Isi baru."})
    article.refresh_from_db()
    assert article.title == "Sudah tayang"


def test_the_dashboard_list_pages_with_the_shared_halaman_parameter(login, alice, dagan):
    for i in range(30):
        draft(dagan, title=f"Draf ke-{i:02}")
    client = login(alice)
    first = client.get("/dasbor/dagan/berita/").content.decode()
    assert "Halaman 1 dari 2" in first and "?halaman=2" in first
    second = client.get("/dasbor/dagan/berita/?halaman=2").content.decode()
    assert "Halaman 2 dari 2" in second and "Draf ke-00" in second


def test_agenda_and_gallery_changes_show_on_cached_pages_at_once(login, alice, dagan, client):
    from balai.news.models import Event

    event = Event.objects.create(
        village=dagan, title="Senam pagi", place="Lapangan", starts_at=timezone.now()
    )
    assert "Senam pagi" in client.get("/desa/dagan/agenda/").content.decode()  # now cached
    login(alice).post(
        f"/dasbor/dagan/berita/agenda/{event.pk}/",
        {
            "title": "Senam sehat",
            "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "place": "Lapangan",
        },
    )
    client.logout()
    assert "Senam sehat" in client.get("/desa/dagan/agenda/").content.decode()
