"""`{% ppid_emergency as notice %}`: the active serta-merta notice of the current village, for
the banner (templates/disclosure/_emergency_banner.html) on every page of the village site."""

from __future__ import annotations

from django import template

from balai.disclosure.selectors import active_emergency

register = template.Library()


@register.simple_tag(takes_context=True)
def ppid_emergency(context):
    request = context.get("request")
    village = getattr(request, "village", None)
    if village is None or not village.pk:
        return None
    memo = village.__dict__.setdefault("_selector_memo", {})
    if "ppid_emergency" not in memo:  # the banner and the page may both ask
        memo["ppid_emergency"] = active_emergency(village)
    return memo["ppid_emergency"]


@register.simple_tag
def ppid_emergencies() -> list:
    """Every live village's active serta-merta notice, for the district portal's banner."""
    from balai.disclosure.selectors import active_emergencies

    return active_emergencies()
