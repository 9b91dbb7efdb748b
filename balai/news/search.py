"""Full-text search of published articles in Indonesian, one function for both databases.

PostgreSQL: `to_tsvector('indonesian', search_text)` (GIN index in migration 0002) against
`plainto_tsquery`. SQLite: an FTS5 table of text stemmed by balai.news.stemmer, kept in sync
by `article_index` / `article_index_many`, called from the services.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from balai.news.models import Article
from balai.news.stemmer import stem_text
from balai.villages.models import Village

MAX_RESULTS = 100
_TAGS = re.compile(r"<[^>]+>")


def plain_text(article: Article) -> str:
    body = html.unescape(_TAGS.sub(" ", article.body or ""))
    return " ".join(f"{article.title} {article.summary} {body}".split())


INSERT_FTS = "INSERT INTO news_article_fts (rowid, text, village) VALUES (%s, %s, %s)"


def _fts_row(article: Article) -> tuple[int, str, str]:
    return (article.pk, stem_text(article.search_text), f"v{article.village_id}")


def article_index(*, article: Article) -> None:
    """Refresh one article's search text (and, on SQLite, its FTS5 row)."""
    text = plain_text(article)
    if text != article.search_text:
        article.search_text = text
        Article.objects.filter(pk=article.pk).update(search_text=text)
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("DELETE FROM news_article_fts WHERE rowid = %s", [article.pk])
            cur.execute(INSERT_FTS, _fts_row(article))


def article_index_many(*, articles: Iterable[Article]) -> None:
    """Index rows made with bulk_create (demo data, benchmarks): search_text already set."""
    if connection.vendor != "sqlite":
        return
    rows = [_fts_row(a) for a in articles]
    with connection.cursor() as cur:
        cur.executemany(INSERT_FTS, rows)


def article_unindex(*, village_ids: Iterable[int]) -> None:
    if connection.vendor == "sqlite":
        ids = list(village_ids)
        with connection.cursor() as cur:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join(["%s"] * len(chunk))
                cur.execute(
                    "DELETE FROM news_article_fts WHERE rowid IN (SELECT id FROM news_article"
                    f" WHERE village_id IN ({marks}))",
                    chunk,
                )


def _fts_query(query: str) -> str:
    # Every stemmed word must appear; quoting each keeps FTS5 syntax out of visitors' hands.
    words = stem_text(query).split()
    return " AND ".join(f'"{w}"' for w in words[:12])


def article_search(*, village, query: str) -> list[Article]:
    """Published articles matching `query`, best first (village=None: every village)."""
    query = (query or "").strip()[:200]
    base = Article.objects.filter(
        status=Article.Status.PUBLISHED, publish_at__lte=timezone.now()
    ).select_related("village__region__parent", "category", "lead_image")
    if village is not None:
        base = base.filter(village=village)
    else:  # the district portal: a draft or suspended site's stories are not public
        base = base.filter(village__status=Village.Status.LIVE)
    if not query:
        return []
    if connection.vendor == "postgresql":
        where = "to_tsvector('indonesian', search_text) @@ plainto_tsquery('indonesian', %s)"
        rank = "ts_rank(to_tsvector('indonesian', search_text), plainto_tsquery('indonesian', %s))"
        found = base.extra(
            where=[where], params=[query], select={"rank": rank}, select_params=[query]
        ).order_by("-rank", "-publish_at")
        return list(found[:MAX_RESULTS])
    match = _fts_query(query)
    if not match:
        return []
    match = f"text : ({match})"
    if village is not None:
        match += f' AND village : "v{village.pk}"'
    sql = (
        "SELECT rowid FROM news_article_fts WHERE news_article_fts MATCH %s ORDER BY rank LIMIT 300"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [match])
        ids = [row[0] for row in cur.fetchall()]
    order = {pk: i for i, pk in enumerate(ids)}
    ranked = sorted(base.filter(pk__in=ids[: MAX_RESULTS * 3]), key=lambda a: order[a.pk])
    return ranked[:MAX_RESULTS]


def article_unindex_one(*, article_id: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("DELETE FROM news_article_fts WHERE rowid = %s", [article_id])
