"""The institutions beside the village government (its /pemerintahan/ page), so the villages
app shows them without importing this module:
`{% load institutions %}{% government_institutions %}`."""

from __future__ import annotations

from typing import Any

from django import template

from balai.institutions import selectors
from balai.institutions.models import Institution
from balai.institutions.selectors import MENU_KEY
from balai.villages.navigation import site_menu

register = template.Library()


@register.inclusion_tag("institutions/_government.html", takes_context=True)
def government_institutions(context: Any) -> dict[str, Any]:
    """The BPD with its board, then every other institution by kind (two queries)."""
    institutions = selectors.public_institutions(context["request"].village)
    bpd = [i for i in institutions if i.kind == Institution.Kind.BPD]
    others = [i for i in institutions if i.kind != Institution.Kind.BPD]
    return {
        "request": context["request"],
        "bpd": bpd,
        "groups": selectors.institutions_by_kind(others),
    }


@register.simple_tag(takes_context=True)
def article_institutions(context: Any, article: Any) -> list[Institution]:
    """The institutions whose activity `article` reports (its page says "Kegiatan <lembaga>").
    The site menu, already built for this page's header, tells whether the village has any
    institution, so a village without one pays no query here."""
    village = context["request"].village
    if not any(item.key == MENU_KEY for item in site_menu(village)):
        return []
    return list(article.institutions.only("name", "slug"))
