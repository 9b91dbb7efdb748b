"""Writes for articles: save with a revision, review, publish (now or scheduled), restore."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from balai.news import integrity
from balai.news.models import Article, ArticleRevision, Category, Tag
from balai.news.richtext import article_body_html
from balai.news.search import article_index
from balai.villages.content import content_changed
from balai.villages.models import Membership, Village
from balai.villages.permissions import membership_for, village_role


def may_publish(user: Any, village: Village) -> bool:
    """Admins, mentors and district admins publish; editors only if the village lets them."""
    role = village_role(user, village)
    if role in ("district", "admin", "mentor"):
        return True
    membership = membership_for(user, village)
    return bool(role == Membership.Role.EDITOR and membership and membership.can_publish)


def slug_derive(
    *, village: Village, title: str, model=Article, exclude_pk: int | None = None
) -> str:
    """A slug from the title, unique in the village: '-2', '-3', … on a clash."""
    base = (slugify(title)[:80].strip("-")) or "berita"
    taken = set(
        model.objects.for_village(village)
        .filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def tags_from_text(*, village: Village, text: str) -> list[Tag]:
    """'panen, batik' → Tag rows of the village, created when new."""
    tags = []
    for name in dict.fromkeys(t.strip() for t in (text or "").split(",") if t.strip()):
        slug = slugify(name)[:50]
        if slug:
            tag, _ = Tag.objects.get_or_create(
                village=village, slug=slug, defaults={"name": name[:40]}
            )
            tags.append(tag)
    return tags[:10]


def category_create(*, village: Village, name: str) -> Category:
    slug = slug_derive(village=village, title=name, model=Category)
    return Category.objects.create(village=village, name=name.strip()[:60], slug=slug)


def article_save(
    *,
    village: Village,
    article: Article,
    actor: Any,
    tags: list[Tag] | None = None,
    reviewed: bool = False,
) -> Article:
    """Create or update; the body is cleaned, the slug derived once, a revision kept.

    A public story whose new text looks like spam is held for review (see news.integrity)
    unless `reviewed` (a mentor or the district saving it)."""
    article.village = village
    article.body = article_body_html(article.body)
    reasons = integrity.article_suspicious(article)
    was_public = article.status == Article.Status.PUBLISHED
    held = bool(reasons) and was_public and not reviewed
    if held:
        article.status = Article.Status.REVIEW
    if held:
        article.held_reason = "; ".join(reasons)
    elif not reasons or reviewed:
        article.held_reason = ""
    elif article.held_reason:  # still held: keep the reason current with the text
        article.held_reason = "; ".join(reasons)
    if not article.author_name:
        article.author_name = getattr(actor, "name", "") or str(actor)
    if article.author_id is None and getattr(actor, "pk", None):
        article.author = actor
    with transaction.atomic():
        if not article.slug:
            article.slug = slug_derive(village=village, title=article.title)
        try:
            with transaction.atomic():
                article.save()
        except IntegrityError:  # two editors saved the same title at the same moment
            article.slug = slug_derive(village=village, title=article.title + " 2")
            article.save()
        if tags is not None:
            article.tags.set(tags)
        ArticleRevision.objects.create(
            article=article,
            title=article.title,
            summary=article.summary,
            body=article.body,
            saved_by=actor if getattr(actor, "pk", None) else None,
        )
        article_index(article=article)
    if held:
        integrity.article_alert(village=village, article=article, reasons=reasons)
    return article


def article_publish(
    *, village: Village, article: Article, when: datetime | None = None, reviewed: bool = False
) -> tuple[Article, bool]:
    """Publish now or at `when`. Returns (article, was_late): a time already past publishes
    now, and the caller tells the editor so.

    Text that looks like spam is not published: the story goes to review with its reason
    (article.held_reason) and the district is alerted — unless `reviewed` (a mentor or the
    district releasing it)."""
    if not reviewed and article_hold(village=village, article=article):
        return article, False
    now = timezone.now()
    late = when is not None and when < now
    publish_at = now if when is None or late else when
    article.status = Article.Status.PUBLISHED
    article.publish_at = publish_at
    article.is_announced = publish_at <= now
    article.held_reason = ""
    article.save(update_fields=["status", "publish_at", "is_announced", "held_reason"])
    return article, late


def article_hold(*, village: Village, article: Article) -> bool:
    """Hold the story for review when its text looks like spam; True when held."""
    reasons = integrity.article_suspicious(article)
    if not reasons:
        return False
    article.status = Article.Status.REVIEW
    article.held_reason = "; ".join(reasons)
    article.save(update_fields=["status", "held_reason"])
    integrity.article_alert(village=village, article=article, reasons=reasons)
    return True


def article_set_status(*, village: Village, article: Article, status: str) -> Article:
    """Back to draft, or into the review queue (editors who may not publish)."""
    article.status = status
    article.save(update_fields=["status"])
    return article


def article_restore(
    *, village: Village, article: Article, revision: ArticleRevision, actor: Any
) -> Article:
    """Bring back an earlier version; the current one stays in the history as a revision."""
    article.title = revision.title
    article.summary = revision.summary
    article.body = revision.body
    return article_save(village=village, article=article, actor=actor)


def article_delete(*, village: Village, article: Article) -> None:
    from balai.news.search import article_unindex_one

    article_unindex_one(article_id=article.pk)
    article.delete()


def articles_publish_due() -> int:
    """Announce scheduled articles whose time has come: each village's cache is refreshed
    once. Run by `manage.py publish_scheduled` from the worker host's timer."""
    due = Article.objects.filter(
        status=Article.Status.PUBLISHED, is_announced=False, publish_at__lte=timezone.now()
    )
    village_ids = set(due.values_list("village_id", flat=True))
    count = due.update(is_announced=True)
    for village_id in village_ids:  # an update sends no signal: the pages learn it here
        content_changed(village_id)
    return count
