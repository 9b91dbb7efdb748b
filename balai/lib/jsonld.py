"""schema.org data blocks (`<script type="application/ld+json">`) for pages that shared links
and search engines read: news articles, shop products. A data block is not run by browsers and
the CSP allows it; "<", ">" and "&" are escaped, so nothing a writer or seller typed can close
the block early."""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def jsonld_script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
