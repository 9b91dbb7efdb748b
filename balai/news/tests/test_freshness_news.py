"""The news freshness check: a story published in the last 30 days."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from balai.news.freshness import news_recent
from balai.news.tests.conftest import draft, publish
from balai.watch.freshness import freshness_checks


def test_the_check_is_registered():
    assert "news_recent" in {c.key for c in freshness_checks()}


def test_a_story_published_this_month_passes(dagan):
    publish(dagan, title="Kerja bakti saluran irigasi")
    assert news_recent(dagan) is True


def test_only_old_stories_or_drafts_fail(dagan, bojongsari):
    publish(dagan, title="Panen raya", when=timezone.now() - timedelta(days=45))
    draft(dagan, title="Rapat RT")
    publish(bojongsari, title="Berita desa tetangga")
    assert news_recent(dagan) is False


def test_a_scheduled_story_does_not_count_yet(dagan):
    publish(dagan, title="Pengumuman", when=timezone.now() + timedelta(days=3))
    assert news_recent(dagan) is False
