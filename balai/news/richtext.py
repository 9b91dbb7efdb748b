"""Article bodies: the little HTML the phone editor produces, cleaned with nh3 on every save.

Allowed: paragraphs, headings, bold/italic, lists, links, quotes and images from our own
/media/. A YouTube or Vimeo link alone on a line becomes a "watch the video" link (an iframe
would need a looser CSP and would load a third party's scripts on every visit).
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "blockquote",
    "img",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "class"}, "img": {"src", "alt", "width", "height", "loading"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_EMPHASIS = re.compile(r"<(/?)(b|i)>")
_EMPHASIS_TAG = {"b": "strong", "i": "em"}
_BLOCK = re.compile(r"<\s*(p|ul|ol|h2|h3|blockquote)\b", re.IGNORECASE)
# A video address on a line of its own becomes a "Tonton video" link (bodytext.py reads it back).
VIDEO_URL = r"https://(?:www\.)?(?:youtube\.com/watch\?v=[\w-]+|youtu\.be/[\w-]+|vimeo\.com/\d+)"
_VIDEO_LINE = re.compile(rf"^(?:<p>)?\s*({VIDEO_URL})\s*(?:</p>)?$", re.MULTILINE)


def _own_media_prefixes() -> tuple[str, ...]:
    from django.core.files.storage import default_storage

    # "/media/" locally; the bucket's address when uploads live in S3-compatible storage.
    return ("/media/", default_storage.url("berita/"))


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "img" and attr == "src" and not value.startswith(_own_media_prefixes()):
        return None  # no remote trackers, no data: URLs
    if tag == "a" and attr == "class" and value != "video-link":
        return None
    return value


def article_body_html(raw: str) -> str:
    """Cleaned HTML for an article body; plain text becomes paragraphs and line breaks."""
    raw = (raw or "").replace("\r\n", "\n").strip()
    if raw and not _BLOCK.search(raw):
        paragraphs = re.split(r"\n\s*\n", raw)
        raw = "\n".join("<p>" + p.strip().replace("\n", "<br>") + "</p>" for p in paragraphs)
    raw = _VIDEO_LINE.sub(
        lambda m: f'<p><a class="video-link" href="{m.group(1)}">▶ Tonton video</a></p>', raw
    )
    cleaned = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_attribute_filter,
    )
    # An <img> whose source was refused is dropped whole rather than left empty.
    cleaned = re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", cleaned)
    # The browser's editor writes <b>/<i>; the site shows one kind of emphasis (nh3 leaves these
    # tags bare, so the exact match is safe).
    return _EMPHASIS.sub(lambda m: f"<{m.group(1)}{_EMPHASIS_TAG[m.group(2)]}>", cleaned)
