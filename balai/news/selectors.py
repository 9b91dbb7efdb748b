"""Reads for the news pages: what is public, in which order, with a bounded number of queries."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from balai.news.models import Album, AlbumPhoto, Article, Category, Comment, Event, Tag
from balai.villages.models import Village

PAGE_SIZE = 12


def public_articles(village: Village | None = None) -> QuerySet[Article]:
    qs = Article.objects.filter(
        status=Article.Status.PUBLISHED, publish_at__lte=timezone.now()
    ).select_related("lead_image", "category")
    if village is not None:
        qs = qs.filter(village=village)
    return qs.order_by("-publish_at", "-id")


def public_article(village: Village, slug: str) -> Article | None:
    return (
        public_articles(village)
        .select_related("author")
        .prefetch_related("tags")
        .filter(slug=slug)
        .first()
    )


def approved_comments(article: Article) -> list[Comment]:
    return list(article.comments.filter(status=Comment.Status.APPROVED))


def home_stories(village: Village, *, latest: int = 6) -> dict:
    """Pinned stories first, then the latest others: for the village home page."""
    # Cards show title, summary, photo and date: the body (often many KB) stays in the database.
    cards = public_articles(village).defer("body", "search_text", "held_reason")
    pinned = list(cards.filter(is_pinned=True)[:3])
    others = list(cards.exclude(pk__in=[a.pk for a in pinned])[:latest])
    return {"pinned": pinned, "latest": others}


def upcoming_events(village: Village, *, limit: int = 5) -> list[Event]:
    now = timezone.now()
    return list(
        Event.objects.for_village(village)
        .filter(Q(starts_at__gte=now) | Q(ends_at__gte=now))
        .order_by("starts_at")[:limit]
    )


def past_events(village: Village) -> QuerySet[Event]:
    now = timezone.now()
    return (
        Event.objects.for_village(village)
        .filter(starts_at__lt=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__lt=now))
        .order_by("-starts_at")
    )


def categories_in_use(village: Village) -> list[Category]:
    return list(
        Category.objects.for_village(village)
        .annotate(
            n=Count(
                "articles",
                filter=Q(
                    articles__status=Article.Status.PUBLISHED,
                    articles__publish_at__lte=timezone.now(),
                ),
            )
        )
        .filter(n__gt=0)
    )


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end


def archive_months(village: Village) -> list[date]:
    """Months that have stories, newest first (at most two years shown)."""
    dates = public_articles(village).dates("publish_at", "month", order="DESC")
    return list(dates[:24])


def news_sections(village: Village) -> dict[str, bool]:
    """Which public sections have something to show, in one query (for the village menu)."""
    now = timezone.now()
    row = (
        Village.objects.filter(pk=village.pk)
        .annotate(
            news=Exists(
                Article.objects.filter(
                    village=OuterRef("pk"), status=Article.Status.PUBLISHED, publish_at__lte=now
                )
            ),
            events=Exists(Event.objects.filter(village=OuterRef("pk"))),
            gallery=Exists(AlbumPhoto.objects.filter(album__village=OuterRef("pk"))),
        )
        .values("news", "events", "gallery")
        .first()
    )
    if row is None:
        return {"news": False, "events": False, "gallery": False}
    return {"news": row["news"], "events": row["events"], "gallery": row["gallery"]}


def has_news(village: Village) -> bool:
    return public_articles(village).exists()


def albums_with_cover(village: Village) -> list[Album]:
    first = AlbumPhoto.objects.select_related("image").order_by("order", "id")
    albums: list[Album] = list(
        Album.objects.for_village(village)
        .filter(photos__isnull=False)
        .distinct()
        .annotate(n=Count("photos"))
        .prefetch_related(Prefetch("photos", queryset=first, to_attr="photo_list"))
    )
    return albums


def tag_for(village: Village, slug: str) -> Tag | None:
    return Tag.objects.for_village(village).filter(slug=slug).first()


def district_articles(*, kecamatan: str = "", category: str = "") -> QuerySet[Article]:
    """Every live village's published stories, newest first, for the district portal."""
    qs = (
        public_articles()
        .filter(village__status=Village.Status.LIVE)
        .select_related("village__region__parent")
    )
    if kecamatan:
        qs = qs.filter(village__region__parent__code=kecamatan)
    if category:
        qs = qs.filter(category__slug=category)
    return qs
