"""The integrity hold for news: a story, resident's submission or comment whose text looks like
gambling spam or a link dump is held for review instead of going public, and the district gets
an IntegrityAlert (the same alert, and key, the district's watch would raise later)."""

from __future__ import annotations

import re

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from balai.news.models import Article, Submission
from balai.villages.models import Village
from balai.watch.integrity import content_suspicious, integrity_alert_raise

_HREF = re.compile(r'href="([^"]+)"')


def article_text(article: Article) -> str:
    """Title, summary and the body as readers see it; a link's address counts once even when
    its text repeats it."""
    plain = strip_tags(article.body or "")
    hidden = [h for h in _HREF.findall(article.body or "") if h not in plain]
    return " ".join([article.title or "", article.summary or "", plain, *hidden])


def article_suspicious(article: Article) -> list[str]:
    return content_suspicious(article_text(article))


def article_alert(*, village: Village, article: Article, reasons: list[str]) -> None:
    message = _("%(v)s: berita “%(t)s” ditahan untuk ditinjau — %(r)s") % {
        "v": village,
        "t": article.title[:80],
        "r": reasons[0],
    }
    integrity_alert_raise(
        kind="gambling",
        key=f"gambling:news.article:{article.pk}",
        message=message,
        village=village,
        notify=True,
    )


def submission_flag(*, village: Village, submission: Submission) -> list[str]:
    """Flag a resident's story in the moderation queue when its text looks like spam."""
    text = " ".join([submission.name, submission.title, submission.body])
    reasons = content_suspicious(text)
    if reasons:
        submission.held_reason = "; ".join(reasons)
        Submission.objects.filter(pk=submission.pk).update(held_reason=submission.held_reason)
        message = _("%(v)s: kiriman warga “%(t)s” ditandai — %(r)s") % {
            "v": village,
            "t": submission.title[:80],
            "r": reasons[0],
        }
        integrity_alert_raise(
            kind="gambling",
            key=f"gambling:news.submission:{submission.pk}",
            message=message,
            village=village,
        )
    return reasons
