"""The little HTML a village page may hold, cleaned with nh3 before it is stored or shown.

Editors type on phones, so plain text with blank lines between paragraphs is accepted too and
turned into paragraphs; anything beyond the basic tags below is stripped, never escaped into view.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_BLOCK = re.compile(r"<\s*(p|ul|ol|h2|h3|blockquote)\b", re.IGNORECASE)


def clean_html(raw: str) -> str:
    return nh3.clean(
        raw or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def page_body_html(raw: str) -> str:
    """Cleaned HTML for a page body; plain text becomes paragraphs and line breaks."""
    raw = (raw or "").replace("\r\n", "\n").strip()
    if raw and not _BLOCK.search(raw):
        paragraphs = re.split(r"\n\s*\n", raw)
        raw = "".join("<p>" + p.strip().replace("\n", "<br>") + "</p>" for p in paragraphs)
    return clean_html(raw)
