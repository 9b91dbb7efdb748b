"""Full-text search index: PostgreSQL gets a GIN index over the `indonesian` configuration,
SQLite an FTS5 table of stemmed text (balai.news.search keeps it in sync)."""

from __future__ import annotations

from django.db import migrations

PG_CREATE = (
    "CREATE INDEX IF NOT EXISTS news_article_fts ON news_article "
    "USING GIN (to_tsvector('indonesian', search_text))"
)
# rowid = the article's id; `village` holds "v<village id>" so a village's search intersects
# posting lists instead of filtering every match in the district.
SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS news_article_fts USING fts5("
    "text, village, tokenize='unicode61')"
)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_CREATE)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS news_article_fts")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS news_article_fts")


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
