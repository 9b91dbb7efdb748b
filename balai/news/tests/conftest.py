"""Helpers for the news tests: published stories made through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from balai.news.models import Article, Category
from balai.news.services import article_publish, article_save


def publish(village, *, title: str, body: str = "Isi berita.", actor=None, **fields) -> Article:
    """A published story, saved and indexed the way the dashboard does it."""
    when = fields.pop("when", None)
    article = Article(
        title=title, body=body, author_name=fields.pop("author_name", "Admin"), **fields
    )
    article = article_save(village=village, article=article, actor=actor)
    article_publish(village=village, article=article)
    if when is not None:
        Article.objects.filter(pk=article.pk).update(publish_at=when)
        article.refresh_from_db()
    return article


def draft(village, *, title: str, body: str = "Isi draf.", actor=None) -> Article:
    return article_save(
        village=village, article=Article(title=title, body=body, author_name="Admin"), actor=actor
    )


@pytest.fixture
def category(dagan) -> Category:
    return Category.objects.create(village=dagan, name="Pembangunan", slug="pembangunan")


@pytest.fixture
def long_ago():
    return timezone.now() - timedelta(days=40)
