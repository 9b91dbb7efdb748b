"""Full-text search in Indonesian, on SQLite (FTS5 + stemmer) and PostgreSQL (`indonesian`)."""

from __future__ import annotations

from balai.news.models import Article
from balai.news.search import article_search
from balai.news.services import article_save, article_set_status
from balai.news.tests.conftest import draft, publish


def test_membangun_finds_a_story_about_pembangunan(dagan):
    story = publish(
        dagan, title="Pembangunan talud Dusun Krajan", body="Talud sepanjang 120 meter."
    )
    publish(dagan, title="Posyandu balita", body="Penimbangan anak.")
    found = article_search(village=dagan, query="membangun")
    assert [a.pk for a in found] == [story.pk]


def test_words_in_the_body_are_found_too(dagan):
    story = publish(
        dagan, title="Kabar desa", body="<p>Kelompok tani <strong>memanen</strong> padi.</p>"
    )
    assert [a.pk for a in article_search(village=dagan, query="panen padi")] == [story.pk]


def test_drafts_and_other_villages_stories_are_not_found(dagan, bojongsari):
    draft(dagan, title="Pembangunan jalan rahasia")
    publish(bojongsari, title="Pembangunan jembatan Bojongsari")
    assert article_search(village=dagan, query="pembangunan") == []
    assert len(article_search(village=None, query="pembangunan")) == 1


def test_an_edited_story_is_found_by_its_new_words_only(dagan):
    story = publish(dagan, title="Lomba agustusan", body="Balap karung.")
    story.body = "Tarik tambang."
    article_save(village=dagan, article=story, actor=None)
    assert article_search(village=dagan, query="tambang")
    assert not article_search(village=dagan, query="karung")


def test_a_story_taken_back_to_draft_disappears_from_search(dagan):
    story = publish(dagan, title="Panen raya")
    article_set_status(village=dagan, article=story, status=Article.Status.DRAFT)
    assert article_search(village=dagan, query="panen") == []


def test_search_syntax_in_the_query_is_harmless(dagan):
    publish(dagan, title="Panen raya")
    for query in ['"', "panen OR", "NEAR(", "*", "panen AND -", "'; DROP TABLE x; --"]:
        article_search(village=dagan, query=query)  # no exception


def test_the_search_page_shows_matches_without_contact_details(client, dagan):
    publish(dagan, title="Pembangunan balai warga", body="Gotong royong warga.")
    response = client.get("/desa/dagan/cari/", {"q": "membangun"})
    assert "Pembangunan balai warga" in response.content.decode()
