"""The story form: the textarea never shows tags, the editor's HTML is cleaned on the server,
Terbitkan publishes a new story in one step for those allowed to, and a preview shows the story
privately before it is public."""

from __future__ import annotations

import re

from django.urls import reverse

from balai.news.models import Article
from balai.news.tests.conftest import draft, publish
from balai.villages.models import Membership

ADD = "/dasbor/dagan/berita/tulis/"
FORMATTED = (
    "<h2>Hasil rapat</h2><p>Warga <strong>sepakat</strong> kerja bakti.</p>"
    '<p>Daftar di <a href="https://desa.id/daftar">sini</a>.</p>'
)


def _url(name: str, pk: int, slug: str = "dagan") -> str:
    return reverse(f"news_dashboard:{name}", kwargs={"slug": slug, "pk": pk})


def _textarea(page: str) -> str:
    match = re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, "no body textarea"
    return match.group(1)


def test_the_textarea_of_a_saved_story_shows_text_not_tags(login, alice, dagan):
    article = draft(dagan, title="Rapat", body=FORMATTED)
    text = _textarea(login(alice).get(_url("edit", article.pk)).content.decode())
    assert "&lt;" not in text and "<" not in text
    assert "Hasil rapat\n\nWarga sepakat kerja bakti.\n\nDaftar di sini." in text


def test_without_javascript_untouched_paragraphs_keep_bold_and_links(login, alice, dagan):
    article = draft(dagan, title="Rapat", body=FORMATTED)
    c = login(alice)
    page = c.get(_url("edit", article.pk)).content.decode()
    assert "paragraf yang Anda ubah menjadi teks biasa" in page  # said, not silent
    c.post(
        _url("edit", article.pk),
        {"title": "Rapat", "body": "Hasil rapat\n\nWarga sepakat kerja bakti.\n\nBaris baru."},
    )
    article.refresh_from_db()
    assert "<h2>Hasil rapat</h2>" in article.body and "<strong>sepakat</strong>" in article.body
    assert "<p>Baris baru.</p>" in article.body and "desa.id/daftar" not in article.body


def test_the_editors_html_is_kept_and_cleaned_on_the_server(login, alice, dagan):
    hostile = (
        '<p style="color:red" onclick="x()">Halo <b>tebal</b> <i>miring</i></p>'
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
        '<p><a href="javascript:alert(1)">jahat</a> <a href="https://desa.id">baik</a></p>'
        "<style>p{}</style><ul><li>satu</li></ul>"
    )
    login(alice).post(ADD, {"title": "Tempelan", "body": "", "body_html": hostile})
    body = Article.objects.get().body
    assert "<strong>tebal</strong>" in body and "<em>miring</em>" in body
    assert '<a href="https://desa.id"' in body and "<ul><li>satu</li></ul>" in body
    for bad in ("<script", "onerror", "onclick", "style", "javascript:", "<img", "<b>", "<i>"):
        assert bad not in body


def test_an_empty_story_is_refused_with_a_message_and_the_title_stays(login, alice, dagan):
    response = login(alice).post(ADD, {"title": "Judul saja", "body_html": "<p><br></p>"})
    page = response.content.decode()
    assert response.status_code == 200 and "Tulis isi berita." in page
    assert 'value="Judul saja"' in page and not Article.objects.exists()


def test_a_new_story_offers_terbitkan_first_to_who_may_publish(login, alice, bob):
    page = login(alice).get(ADD).content.decode()
    actions = page[page.index('class="form-actions"') :]
    assert actions.index(">Terbitkan<") < actions.index(">Simpan draf<")
    bobs = login(bob).get(ADD).content.decode()
    assert ">Terbitkan<" not in bobs and ">Kirim untuk disetujui<" in bobs


def test_terbitkan_on_the_new_story_form_publishes_it_at_once(login, alice, dagan, client):
    response = login(alice).post(
        ADD,
        {"title": "Panen raya", "body_html": "<p>Hasil <b>melimpah</b>.</p>", "action": "publish"},
        follow=True,
    )
    assert "Berita terbit." in response.content.decode()
    article = Article.objects.get()
    assert article.is_live
    client.logout()
    page = client.get(f"/desa/dagan/berita/{article.slug}/").content.decode()
    assert "<strong>melimpah</strong>" in page


def test_an_editor_without_permission_cannot_publish_from_the_form(login, bob, dagan):
    c = login(bob)
    c.post(ADD, {"title": "Coba terbit", "body": "Isi.", "action": "publish"})
    assert Article.objects.get().status == Article.Status.DRAFT
    c.post(ADD, {"title": "Minta setuju", "body": "Isi.", "action": "review"})
    assert Article.objects.get(title="Minta setuju").status == Article.Status.REVIEW


def test_a_trusted_editor_publishes_from_the_form(login, bob, dagan):
    Membership.objects.filter(user=bob).update(can_publish=True)
    login(bob).post(ADD, {"title": "Lomba", "body": "Isi.", "action": "publish"})
    assert Article.objects.get().is_live


def test_simpan_draf_saves_without_publishing(login, alice, dagan):
    login(alice).post(ADD, {"title": "Draf", "body": "Isi.", "action": "save"})
    assert Article.objects.get().status == Article.Status.DRAFT


def test_pratinjau_saves_and_shows_the_story_privately(login, alice, dagan, client):
    c = login(alice)
    response = c.post(
        ADD, {"title": "Musdes", "body_html": "<p>Rapat <b>penting</b>.</p>", "action": "preview"}
    )
    article = Article.objects.get()
    assert response["Location"] == _url("preview", article.pk)
    preview = c.get(response["Location"])
    page = preview.content.decode()
    assert "<strong>penting</strong>" in page and "belum tampil di situs" in page
    assert "no-store" in preview["Cache-Control"] and "noindex" in page
    assert article.status == Article.Status.DRAFT
    client.logout()
    assert client.get(f"/desa/dagan/berita/{article.slug}/").status_code == 404
    assert client.get(_url("preview", article.pk)).status_code == 302  # to the login page


def test_the_preview_offers_terbitkan_only_to_who_may_publish(login, alice, bob, dagan):
    article = draft(dagan, title="Pratinjau")
    assert ">Terbitkan<" in login(alice).get(_url("preview", article.pk)).content.decode()
    assert ">Terbitkan<" not in login(bob).get(_url("preview", article.pk)).content.decode()


def test_another_villages_admin_gets_404_on_the_preview(login, charlie, dagan, bojongsari):
    article = draft(dagan, title="Rahasia desa")
    c = login(charlie)
    assert c.get(_url("preview", article.pk)).status_code == 404
    assert c.get(_url("preview", article.pk, slug="bojongsari")).status_code == 404


def test_a_published_story_is_saved_with_simpan_perubahan_and_stays_public(login, alice, dagan):
    article = publish(dagan, title="Sudah terbit", body="<p>Lama.</p>")
    c = login(alice)
    page = c.get(_url("edit", article.pk)).content.decode()
    assert ">Simpan perubahan<" in page and ">Pratinjau<" not in page
    c.post(_url("edit", article.pk), {"title": "Sudah terbit", "body": "Baru.", "action": "save"})
    article.refresh_from_db()
    assert article.is_live and article.body == "<p>Baru.</p>"


def test_a_refused_form_gives_the_editor_back_what_was_written(login, alice, dagan):
    response = login(alice).post(
        ADD, {"title": "", "body_html": "<p>Sudah <b>ditulis</b><script>x()</script></p>"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Article.objects.exists()
    template = re.search(r"<template>(.*?)</template>", page, re.S)
    assert template and template.group(1).strip() == "<p>Sudah <strong>ditulis</strong></p>"
