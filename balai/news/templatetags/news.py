"""`{% news_picture image sizes="…" %}`: WebP with a JPEG fallback, srcset, lazy loading."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.files.storage import default_storage
from django.template import Context
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from balai.lib.jsonld import jsonld_script
from balai.news.models import Article, Image
from balai.villages.models import Village

register = template.Library()


def _srcset(image: Image, ext: str) -> str:
    names = (image.variants or {}).get(ext, {})
    return ", ".join(
        f"{default_storage.url(n)} {w}w" for w, n in sorted(names.items(), key=lambda i: int(i[0]))
    )


def image_src(image: Image, width: int = 960) -> str:
    """The URL of the variant closest to `width` (og:image, feeds), else the master file."""
    jpgs = (image.variants or {}).get("jpg", {})
    if jpgs:
        best = min(jpgs, key=lambda w: abs(int(w) - width))
        return default_storage.url(jpgs[best])
    return image.file.url


@register.simple_tag
def news_picture(
    image: Image | None, sizes: str = "100vw", cls: str = "", eager: bool = False
) -> SafeString:
    if image is None:
        return mark_safe("")
    height = round(image.height * 960 / image.width) if image.width else 0
    attrs = [
        ("src", image_src(image)),
        ("alt", image.alt),
        ("width", 960 if image.width else ""),
        ("height", height or ""),
        ("loading", "eager" if eager else "lazy"),
        ("decoding", "async"),
    ]
    if cls:
        attrs.append(("class", cls))
    jpg = _srcset(image, "jpg")
    if jpg:
        attrs += [("srcset", jpg), ("sizes", sizes)]
    img = format_html(
        "<img{}>", format_html_join("", ' {}="{}"', ((k, v) for k, v in attrs if v != ""))
    )
    webp = _srcset(image, "webp")
    if not webp:
        return img
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">{}</picture>', webp, sizes, img
    )


@register.filter
def image_url(image: Image | None, width: int = 960) -> str:
    return image_src(image, int(width)) if image else ""


@register.simple_tag(takes_context=True)
def article_jsonld(context: Context, article: Article, url: str) -> SafeString:
    """schema.org NewsArticle as a data block (balai.lib.jsonld)."""
    request = context["request"]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": {"@type": "Person", "name": article.author_name},
        "publisher": {"@type": "GovernmentOrganization", "name": request.village.display_name},
        "mainEntityOfPage": url,
    }
    if article.lead_image:
        data["image"] = [request.build_absolute_uri(image_src(article.lead_image, 1440))]
    return jsonld_script(data)


@register.simple_tag
def news_home_blocks(village: Village) -> dict[str, Any]:
    """Pinned and latest stories and upcoming events, for the village home page include."""
    from balai.news import selectors

    stories = selectors.home_stories(village)
    return {**stories, "events": selectors.upcoming_events(village, limit=3)}


@register.filter
def article_html(body: str) -> SafeString:
    # Stored bodies are cleaned on save; cleaning again covers rows written in bulk, so what is
    # marked safe here is always nh3's output.
    from balai.news.richtext import article_body_html

    return mark_safe(article_body_html(body))
