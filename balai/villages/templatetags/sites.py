"""Template helpers for village sites and the dashboard (loaded as builtins).

`{% site_url "profile" %}`: a link inside the current village's site, whichever way (custom
domain, subdomain or /desa/<slug>/) the visitor reached it.
"""

from __future__ import annotations

import re

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from balai.villages import navigation
from balai.villages.models import Membership
from balai.villages.navigation import site_menu
from balai.villages.permissions import DISTRICT_ROLE, can
from balai.villages.richtext import page_body_html

register = template.Library()


def site_reverse(request, name: str, **kwargs) -> str:
    if getattr(request, "village_host", False):
        return reverse(f"site:{name}", kwargs=kwargs or None)
    return reverse(f"site:{name}", kwargs={"village_slug": request.village.slug, **kwargs})


@register.simple_tag(takes_context=True)
def site_url(context, name: str, **kwargs) -> str:
    return site_reverse(context["request"], name, **kwargs)


@register.simple_tag(takes_context=True)
def site_menu_links(context) -> list[dict]:
    """The village menu (navigation.site_menu) as label/href pairs for this host form."""
    request = context["request"]
    links = []
    for item in site_menu(request.village):
        href = site_reverse(request, item.url_name, **item.url_kwargs)
        links.append({"key": item.key, "label": item.label, "href": href})
    return links


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The preferred address of this page: village.public_base_url() + the path in the site."""
    request = context["request"]
    village = request.village
    if getattr(request, "village_host", False):
        inner = request.path.lstrip("/")
    else:
        prefix = reverse("site:home", kwargs={"village_slug": village.slug})
        inner = request.path[len(prefix) :] if request.path.startswith(prefix) else ""
    return village.public_base_url() + inner


@register.filter
def initials(name: str) -> str:
    """'H. Sugeng Riyadi, S.Pd.' → 'SR': titles (words ending in a dot) are skipped."""
    words = [w for w in re.split(r"[\s,]+", name or "") if w[:1].isalpha() and not w.endswith(".")]
    letters = "".join(w[0] for w in words[:2]) or (name or "?")[:1]
    return letters.upper()


@register.filter
def page_html(body: str) -> SafeString:
    # Stored bodies are cleaned on save; cleaning again covers rows written in bulk, so what is
    # marked safe here is always nh3's output.
    return mark_safe(page_body_html(body))


def _link(name: str, label: StrOrPromise, current: str, **kwargs: str) -> dict | None:
    try:
        href = reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:  # a section another part has not shipped yet
        return None
    section = name.rstrip("s")
    return {"href": href, "label": label, "current": current == name or current.startswith(section)}


@register.simple_tag(takes_context=True)
def dashboard_nav(context) -> list[dict]:
    """The dashboard menu: the current village's sections this person may open, then
    district or kecamatan links."""
    request = context["request"]
    user = request.user
    if not user.is_authenticated:
        return []
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else ""
    links: list[dict | None] = []
    village = getattr(request, "village", None)
    if village is not None and village.pk:
        kw = {"slug": village.slug}
        sections: list[tuple[str, StrOrPromise, str]] = [
            ("dashboard:village", _("Ringkasan"), "view"),
            ("dashboard:profile", _("Profil desa"), "profile"),
            ("dashboard:look", _("Tampilan"), "profile"),
            ("dashboard:officials", _("Perangkat desa"), "profile"),
            ("dashboard:pages", _("Halaman"), "content"),
            ("members:list", _("Anggota"), "members"),
        ]
        sections += [(s.url_name, s.label, s.area) for s in navigation.dashboard_sections()]
        links += [
            _link(n, label, current, **kw)
            for n, label, area in sections
            if can(user, village, area)
        ]
        links.append(
            {"href": village.get_absolute_url(), "label": _("Lihat situs"), "current": False}
        )
    if user.is_district_admin:
        links.append(_link("district:home", _("Dasbor kabupaten"), current))
        links.append(_link("review:queue", _("Pendaftaran desa"), current))
        links += [
            _link(s.url_name, s.label, current) for s in navigation.district_sections(public=False)
        ]
    else:
        if _watches_kecamatan(user):
            links.append(_link("district:kecamatan", _("Desa di kecamatan"), current))
        if _is_mentor(user):
            links.append(
                _link("mentoring_district_dashboard:queue", _("Permintaan bantuan"), current)
            )
        if _watches_kecamatan(user) or _is_mentor(user):
            links.append(_link("watch_district_dashboard:freshness", _("Kesegaran situs"), current))
    return [link for link in links if link]


def _is_mentor(user) -> bool:
    if not hasattr(user, "_is_mentor"):
        user._is_mentor = user.memberships.filter(role=Membership.Role.MENTOR).exists()
    return user._is_mentor


def _watches_kecamatan(user) -> bool:
    if not hasattr(user, "_watches_kecamatan"):
        user._watches_kecamatan = user.kecamatan_roles.exists()
    return user._watches_kecamatan


@register.simple_tag
def district_menu() -> list[dict]:
    """Portal header links to the district-wide sections the modules provide."""
    links = (_link(s.url_name, s.label, "") for s in navigation.district_sections(public=True))
    return [link for link in links if link]


@register.filter
def role_label(role: str | None) -> str:
    """The name of a dashboard role (request.role): a membership role or the district admin."""
    if role == DISTRICT_ROLE:
        return _("Admin kabupaten")
    return str(Membership.Role(role).label) if role in Membership.Role.values else ""


# The district dashboard's tabs: (URL name, label, the views that belong to the tab).
DISTRICT_TABS = [
    ("district:home", gettext_lazy("Ringkasan"), ("district:home",)),
    ("review:queue", gettext_lazy("Pendaftaran"), ()),  # its pages have their own frame
    ("district:villages", gettext_lazy("Situs desa"), ("district:villages", "district:village")),
    ("district:people", gettext_lazy("Pengguna"), ("district:people",)),
    ("district:audit", gettext_lazy("Jejak perubahan"), ("district:audit",)),
    ("district:kecamatan", gettext_lazy("Pantauan kecamatan"), ("district:kecamatan",)),
]


@register.simple_tag(takes_context=True)
def district_tabs(context) -> list[dict]:
    """The district dashboard's tabs, the current one marked (by the view's URL name)."""
    match = getattr(context["request"], "resolver_match", None)
    current = match.view_name if match else ""
    return [
        {
            "href": reverse(name),
            "label": label,
            "current": current in views,
        }
        for name, label, views in DISTRICT_TABS
    ]
