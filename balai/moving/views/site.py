"""The old site's addresses on the village's site: each moved article or page answers at the
address it had on OpenSID (or WordPress) with a 301 to its address in Balai."""

from __future__ import annotations

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.decorators.cache import cache_control

from balai.moving.models import OldAddress
from balai.villages.requests import SiteRequest, VillageRequest
from balai.villages.templatetags.sites import site_reverse


@cache_control(public=True, max_age=86400)
def old_address(request: VillageRequest, old: str) -> HttpResponsePermanentRedirect:
    target = _target(request, "/" + old.rstrip("/"))
    if target is None:
        raise Http404
    return HttpResponsePermanentRedirect(target)


def old_query(request: SiteRequest) -> HttpResponsePermanentRedirect | None:
    """WordPress's plain addresses on the village home (`/?p=12`, `/?page_id=7`): the 301 to
    where the post or page lives now, or None. No query without one of those parameters."""
    for key in ("p", "page_id"):
        value = request.GET.get(key, "")
        if value.isdigit() and len(value) <= 12:
            target = _target(request, f"/?{key}={int(value)}")
            if target is not None:
                return HttpResponsePermanentRedirect(target)
    return None


def _target(request: SiteRequest | VillageRequest, path: str) -> str | None:
    from balai.news.models import Article
    from balai.villages.models import Page

    found = OldAddress.objects.for_village(request.village).filter(path=path).first()
    if found is None:
        return None
    if found.kind == OldAddress.Kind.ARTICLE:
        article = Article.objects.for_village(request.village).filter(pk=found.object_id).first()
        if article is None:
            return None
        return site_reverse(request, "news_article", article_slug=article.slug)
    page = Page.objects.for_village(request.village).filter(pk=found.object_id).first()
    if page is None:
        return None
    return site_reverse(request, "page", page_slug=page.slug)
