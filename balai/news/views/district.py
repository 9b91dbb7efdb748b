"""The district portal's news: every live village's stories, filterable, with feed and search."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.lib.pagination import paginate
from balai.news import selectors
from balai.news.models import Category
from balai.news.search import article_search
from balai.regions.models import Region
from balai.villages.cache import cache_public_page
from balai.villages.models import Village


def _kecamatan_choices() -> list[Region]:
    return list(
        Region.objects.filter(children__village_site__status="live").distinct().order_by("name")
    )


def _article_url(article) -> str:
    return article.village.get_absolute_url() + f"berita/{article.slug}/"


@require_safe
@cache_public_page
def district_news(request: HttpRequest) -> HttpResponse:
    kecamatan = request.GET.get("kecamatan", "")[:13]
    category = request.GET.get("kategori", "")[:70]
    qs = selectors.district_articles(kecamatan=kecamatan, category=category)
    page = paginate(request, qs, 20)
    live = Category.objects.filter(village__status=Village.Status.LIVE)
    names = live.values_list("slug", "name").distinct().order_by("name")
    ctx = {
        "page": page,
        "kecamatans": _kecamatan_choices(),
        "categories": dict(names[:200]).items(),
        "kecamatan": kecamatan,
        "category": category,
    }
    return render(request, "news/district/list.html", ctx)


@require_safe
def district_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = article_search(village=None, query=query) if query else []
    return render(request, "news/district/search.html", {"query": query, "results": results})


@require_safe
@cache_public_page
def district_feed(request: HttpRequest) -> HttpResponse:
    title = _("Berita desa %(district)s") % {"district": settings.DISTRICT_NAME}
    feed = Rss201rev2Feed(
        title=title, link=request.build_absolute_uri("/berita/"), description=title, language="id"
    )
    for a in selectors.district_articles()[:30]:
        link = request.build_absolute_uri(_article_url(a))
        feed.add_item(
            title=f"{a.title} — {a.village.display_name}",
            link=link,
            unique_id=link,
            description=a.summary or a.search_text[:300],
            author_name=a.author_name,
            pubdate=a.publish_at,
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
