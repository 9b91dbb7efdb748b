"""The news module's freshness check: a village that published a story in the last 30 days.
The district's watch finds `CHECKS` here by the module's name and stores the result daily."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.news.selectors import public_articles
from balai.villages.models import Village

RECENT = timedelta(days=30)


def news_recent(village: Village) -> bool:
    return public_articles(village).filter(publish_at__gte=timezone.now() - RECENT).exists()


CHECKS = [("news_recent", _("Berita 30 hari terakhir"), news_recent, 3)]
