"""The demo gives each live village realistic news, searchable, and clears it again."""

from __future__ import annotations

import random

from balai.news import demo
from balai.news.models import Article, Event, Image
from balai.news.search import article_search


def test_demo_news_is_built_for_each_village_and_cleared(dagan, bojongsari, bob):
    counts = demo.demo_build(
        rng=random.Random(1), villages=[dagan, bojongsari], users={"editor@dagan.desa.id": bob}
    )
    assert counts["articles"] == Article.objects.count() >= 38
    assert (
        Article.objects.filter(village=bojongsari).exists()
        and Event.objects.filter(village=dagan).exists()
    )
    assert article_search(village=dagan, query="membangun")
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not Article.objects.exists() and not Image.objects.exists()
    assert article_search(village=None, query="pembangunan") == []
