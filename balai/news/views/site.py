"""Public news pages of a village: lists, the article, agenda, gallery and search."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from balai.lib.pagination import paginate
from balai.news import selectors
from balai.news.community import comments_allowed
from balai.news.models import Album, Category
from balai.news.search import article_search
from balai.villages.cache import cache_public_page
from balai.villages.requests import VillageRequest


def _list(
    request: VillageRequest, qs, template: str = "news/site/list.html", **ctx
) -> HttpResponse:
    page = paginate(request, qs, selectors.PAGE_SIZE)
    ctx.update(
        page=page,
        categories=selectors.categories_in_use(request.village),
        months=selectors.archive_months(request.village),
    )
    return render(request, template, ctx)


@require_safe
@cache_public_page
def news_index(request: VillageRequest) -> HttpResponse:
    return _list(request, selectors.public_articles(request.village))


@require_safe
@cache_public_page
def news_category(request: VillageRequest, category_slug: str) -> HttpResponse:
    category = get_object_or_404(Category.objects.for_village(request.village), slug=category_slug)
    qs = selectors.public_articles(request.village).filter(category=category)
    return _list(request, qs, category=category)


@require_safe
@cache_public_page
def news_tag(request: VillageRequest, tag_slug: str) -> HttpResponse:
    tag = selectors.tag_for(request.village, tag_slug)
    if tag is None:
        raise Http404("label tidak ditemukan")
    return _list(request, selectors.public_articles(request.village).filter(tags=tag), tag=tag)


@require_safe
@cache_public_page
def news_archive(request: VillageRequest, year: str, month: str) -> HttpResponse:
    y, m = int(year), int(month)
    if not (1 <= m <= 12 and 2000 <= y <= 2100):
        raise Http404("bulan tidak dikenal")
    start, end = selectors.month_bounds(y, m)
    qs = selectors.public_articles(request.village).filter(
        publish_at__gte=start, publish_at__lt=end
    )
    return _list(request, qs, month_start=start)


@require_safe
@cache_public_page
def news_article(request: VillageRequest, article_slug: str) -> HttpResponse:
    article = selectors.public_article(request.village, article_slug)
    if article is None:
        raise Http404("berita tidak ditemukan")
    ctx = {
        "article": article,
        "comments": selectors.approved_comments(article),
        "comments_allowed": comments_allowed(request.village, article),
        "related": list(
            selectors.public_articles(request.village)
            .filter(category=article.category_id)
            .exclude(pk=article.pk)[:3]
        )
        if article.category_id
        else [],
    }
    return render(request, "news/site/article.html", ctx)


@require_safe
@cache_public_page
def news_agenda(request: VillageRequest) -> HttpResponse:
    upcoming = selectors.upcoming_events(request.village, limit=50)
    past = paginate(request, selectors.past_events(request.village), 20)
    if not upcoming and not past.object_list:
        raise Http404("belum ada agenda")
    return render(
        request,
        "news/site/agenda.html",
        {"upcoming": upcoming, "past": past, "now": timezone.now()},
    )


@require_safe
@cache_public_page
def news_gallery(request: VillageRequest) -> HttpResponse:
    albums = selectors.albums_with_cover(request.village)
    if not albums:
        raise Http404("belum ada galeri")
    return render(request, "news/site/gallery.html", {"albums": albums})


@require_safe
@cache_public_page
def news_album(request: VillageRequest, album_slug: str) -> HttpResponse:
    album = get_object_or_404(Album.objects.for_village(request.village), slug=album_slug)
    photos = list(album.photos.select_related("image"))
    return render(request, "news/site/album.html", {"album": album, "photos": photos})


@require_safe
def news_search(request: VillageRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = article_search(village=request.village, query=query) if query else []
    return render(request, "news/site/search.html", {"query": query, "results": results})
