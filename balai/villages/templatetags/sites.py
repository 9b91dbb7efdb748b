"""`{% site_url "profile" %}`: a link inside the current village's site, whichever way
(custom domain, subdomain or /desa/<slug>/) the visitor reached it."""

from __future__ import annotations

from django import template
from django.urls import reverse

register = template.Library()


def site_reverse(request, name: str, **kwargs) -> str:
    if getattr(request, "village_host", False):
        return reverse(f"site:{name}", kwargs=kwargs or None)
    return reverse(f"site:{name}", kwargs={"village_slug": request.village.slug, **kwargs})


@register.simple_tag(takes_context=True)
def site_url(context, name: str, **kwargs) -> str:
    return site_reverse(context["request"], name, **kwargs)
