"""`{% guide_link "population_import" %}`: a link to the district's guide for a dashboard place,
or nothing when no published guide has that context key. Load with `{% load guides %}`."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from balai.mentoring.models import Guide

register = template.Library()


@register.simple_tag
def guide_link(context_key: str, label: str = "") -> SafeString | str:
    item = (
        Guide.objects.filter(context_key=context_key, is_published=True)
        .only("slug", "title")
        .first()
    )
    if item is None:
        return ""
    url = reverse("mentoring_district_dashboard:guide", kwargs={"guide_slug": item.slug})
    return format_html(
        '<a class="guide-link" href="{}">{}</a>', url, label or _("Panduan: %s") % item.title
    )
