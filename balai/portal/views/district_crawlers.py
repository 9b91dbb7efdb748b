"""robots.txt and the sitemaps of the district host (balai/villages/crawlers.py has the rules).
Cached like the portal's pages, under the district's version and the routes (a village going
live or being suspended moves the routes token)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from balai.villages import crawlers, navigation
from balai.villages.cache import cache_public_page


@require_safe
@cache_public_page
def robots_txt(request: HttpRequest) -> HttpResponse:
    return HttpResponse(crawlers.district_robots(), content_type="text/plain; charset=utf-8")


@require_safe
@cache_public_page
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The portal's own sitemap and every live village's, at the village's canonical address."""
    origin = crawlers.district_origin()
    sitemaps = [origin + reverse("portal:sitemap")]
    sitemaps += [crawlers.village_sitemap_url(v) for v in crawlers.listed_villages()]
    return render(
        request,
        "portal/district/sitemap_index.xml",
        {"sitemaps": sitemaps},
        content_type="application/xml",
    )


@require_safe
@cache_public_page
def sitemap(request: HttpRequest) -> HttpResponse:
    """The portal's public pages: home, the directory and each district-wide section."""
    names = ["portal:home", "portal:directory", "registrations:start"]
    names += [s.url_name for s in navigation.district_sections(public=True)]
    urls = []
    for name in names:
        try:
            urls.append((crawlers.district_origin() + reverse(name), None))
        except NoReverseMatch:  # a section not shipped on this install
            continue
    return render(request, "news/site/sitemap.xml", {"urls": urls}, content_type="application/xml")
