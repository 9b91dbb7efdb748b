"""What residents send: stories (submissions) and comments, with the anti-spam measures
(a rate limit per visitor network, a honeypot field in the forms, the integrity check) and
moderation."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext as _

from balai.lib.ratelimit import Limit
from balai.news.integrity import submission_flag
from balai.news.models import Article, Comment, Image, NewsSettings, Submission
from balai.news.services import article_publish, article_save
from balai.news.templatetags.news import image_src
from balai.villages.models import Village
from balai.watch.integrity import content_suspicious

COMMENT_LIMIT = Limit(5, 10 * 60)  # five comments per ten minutes per visitor, per village
SUBMISSION_LIMIT = Limit(3, 60 * 60)  # three stories per hour per visitor, per village


def news_settings(village: Village) -> NewsSettings:
    found = NewsSettings.objects.filter(village=village).first()
    return found or NewsSettings(village=village)


def news_settings_save(*, village: Village, comments_open: bool, submissions_open: bool) -> None:
    NewsSettings.objects.update_or_create(
        village=village,
        defaults={"comments_open": comments_open, "submissions_open": submissions_open},
    )


def comments_allowed(village: Village, article: Article) -> bool:
    return article.comments_open and news_settings(village).comments_open


def comment_create(*, village: Village, article: Article, data: dict[str, Any]) -> Comment:
    """A new comment waits for an editor; one that looks like gambling spam or a link dump goes
    straight to the spam list, never to the approval queue (and is never shown)."""
    suspicious = content_suspicious(f"{data['name']} {data['body']}")
    return Comment.objects.create(
        village=village,
        article=article,
        name=data["name"],
        contact=data.get("contact", ""),
        body=data["body"],
        status=Comment.Status.SPAM if suspicious else Comment.Status.PENDING,
    )


def comment_moderate(*, village: Village, comment: Comment, status: str) -> Comment:
    comment.status = status
    comment.save(update_fields=["status"])
    return comment


def submission_create(
    *, village: Village, data: dict[str, Any], photos: list[Image] | None = None
) -> Submission:
    photos = photos or []
    submission = Submission.objects.create(
        village=village,
        name=data["name"],
        whatsapp=data["whatsapp"],
        email=data.get("email", ""),
        title=data["title"],
        body=data["body"],
        photo=photos[0] if photos else None,
    )
    submission.photos.set(photos)
    submission_flag(village=village, submission=submission)
    return submission


def _photos_html(images: list[Image]) -> str:
    """The photos after the first, appended to the story (the first is the lead image)."""
    return "".join(
        format_html('<p><img src="{}" alt="{}" loading="lazy"></p>', image_src(i, 960), i.alt)
        for i in images
    )


def submission_publish(
    *,
    village: Village,
    submission: Submission,
    actor: Any,
    title: str,
    body: str,
    reviewed: bool = False,
) -> Article:
    """Publish an edited submission, credited to the resident by name only. Text that looks
    like spam is held for review like any story (the article's status says so)."""
    with transaction.atomic():
        extra = [p for p in submission.photos.all() if p.pk != submission.photo_id]
        article = Article(
            title=title,
            body=body + _photos_html(extra),
            lead_image=submission.photo,
            author_name=_("%(name)s (warga)") % {"name": submission.name},
            status=Article.Status.DRAFT,
        )
        article = article_save(village=village, article=article, actor=actor)
        article_publish(village=village, article=article, reviewed=reviewed)
        submission.status = Submission.Status.PUBLISHED
        submission.article = article
        submission.save(update_fields=["status", "article"])
    return article


def submission_decline(*, village: Village, submission: Submission, message: str) -> None:
    submission.status = Submission.Status.DECLINED
    submission.decline_message = message
    submission.save(update_fields=["status", "decline_message"])
