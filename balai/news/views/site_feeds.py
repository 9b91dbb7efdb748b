"""Machine-readable views of a village's news: RSS/Atom feeds, sitemap.xml, iCalendar."""

from __future__ import annotations

from datetime import UTC, datetime

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.news import selectors
from balai.news.models import Category, Event
from balai.villages import selectors as village_selectors
from balai.villages.cache import cache_public_page
from balai.villages.navigation import site_menu
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse

FEED_SIZE = 20


def _abs(request: VillageRequest, name: str, **kwargs) -> str:
    return request.build_absolute_uri(site_reverse(request, name, **kwargs))


def _feed(request: VillageRequest, articles, *, title: str, link: str, atom: bool) -> HttpResponse:
    cls = Atom1Feed if atom else Rss201rev2Feed
    feed = cls(title=title, link=link, description=request.village.tagline or title, language="id")
    for a in articles:
        feed.add_item(
            title=a.title,
            link=_abs(request, "news_article", article_slug=a.slug),
            description=a.summary or a.search_text[:300],
            author_name=a.author_name,
            pubdate=a.publish_at,
            unique_id=_abs(request, "news_article", article_slug=a.slug),
            categories=[a.category.name] if a.category else (),
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response


@require_safe
@cache_public_page
def news_feed(request: VillageRequest) -> HttpResponse:
    articles = selectors.public_articles(request.village)[:FEED_SIZE]
    title = _("Berita %(name)s") % {"name": request.village.display_name}
    atom = request.GET.get("format") == "atom"
    return _feed(request, articles, title=title, link=_abs(request, "news_index"), atom=atom)


@require_safe
@cache_public_page
def news_category_feed(request: VillageRequest, category_slug: str) -> HttpResponse:
    category = get_object_or_404(Category.objects.for_village(request.village), slug=category_slug)
    articles = selectors.public_articles(request.village).filter(category=category)[:FEED_SIZE]
    title = f"{category.name} · {request.village.display_name}"
    link = _abs(request, "news_category", category_slug=category.slug)
    return _feed(
        request, articles, title=title, link=link, atom=request.GET.get("format") == "atom"
    )


@require_safe
@cache_public_page
def news_sitemap(request: VillageRequest) -> HttpResponse:
    village = request.village
    urls: list[tuple[str, datetime | None]] = [(_abs(request, "home"), None)]
    # Every section in the menu (only those with content), free pages with their date.
    page_dates = {p.slug: p.updated_at for p in village_selectors.published_pages(village)}
    urls += [
        (
            _abs(request, item.url_name, **item.url_kwargs),
            page_dates.get(item.url_kwargs.get("page_slug", "")),
        )
        for item in site_menu(village)
    ]
    rows = selectors.public_articles(village).values_list("slug", "updated_at")[:5000]
    urls += [(_abs(request, "news_article", article_slug=slug), updated) for slug, updated in rows]
    return render(request, "news/site/sitemap.xml", {"urls": urls}, content_type="application/xml")


def _ics_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslashes, semicolons and commas escaped, every kind
    of line break (a textarea sends CRLF, old Macs CR) written as \\n."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def _ics_fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 §3.1): CRLF and a space before each
    continuation, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > 75:
            parts.append(current)
            current, size = " ", 1  # the leading space counts toward the next line's 75
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def _ics_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@require_safe
@cache_public_page
def news_agenda_ics(request: VillageRequest) -> HttpResponse:
    village = request.village
    host = request.get_host().split(":")[0]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Balai//Agenda Desa//ID",
        f"X-WR-CALNAME:{_ics_text(village.display_name)}",
    ]
    for event in Event.objects.for_village(village).order_by("-starts_at")[:500]:
        lines += [
            "BEGIN:VEVENT",
            f"UID:agenda-{event.pk}@{host}",
            f"DTSTAMP:{_ics_time(event.created_at)}",
            f"DTSTART:{_ics_time(event.starts_at)}",
            *([f"DTEND:{_ics_time(event.ends_at)}"] if event.ends_at else []),
            f"SUMMARY:{_ics_text(event.title)}",
            f"LOCATION:{_ics_text(event.place)}",
            f"DESCRIPTION:{_ics_text(event.description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    body = "".join(_ics_fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="agenda-{village.slug}.ics"'
    return response
