"""Template helpers for village sites and the dashboard (loaded as builtins).

`{% site_url "profile" %}`: a link inside the current village's site, whichever way (custom
domain, subdomain or /desa/<slug>/) the visitor reached it.
"""

from __future__ import annotations

import re

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from balai.lib.pagination import PAGE_PARAM
from balai.villages import glance, navigation
from balai.villages.models import Membership
from balai.villages.navigation import site_menu
from balai.villages.permissions import DISTRICT_ROLE, can, can_preview, village_role
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
    """The village menu (navigation.site_menu) as label/href pairs for this host form. `current`
    is "page" on the section's own page and "true" inside it (a story under Berita, a year under
    APBDes), for aria-current."""
    request = context["request"]
    links = []
    for item in site_menu(request.village):
        href = site_reverse(request, item.url_name, **item.url_kwargs)
        inside = request.path.startswith(href)
        current = "page" if request.path == href else "true" if inside else ""
        links.append({"key": item.key, "label": item.label, "href": href, "current": current})
    return links


@register.simple_tag(takes_context=True)
def glance_items(context) -> list[dict]:
    """The at-a-glance panel: the village's figures on its site (links for this host form),
    the kabupaten's elsewhere (glance.py). Each: label, value, detail, href ("" for none)."""
    request = context["request"]
    village = getattr(request, "village", None)
    items = glance.village_glance(village) if village else glance.district_glance()
    panel = []
    for item in items:
        href = ""
        if item.url_name:
            try:
                if village:
                    href = site_reverse(request, item.url_name, **item.url_kwargs)
                else:
                    href = reverse(item.url_name, kwargs=item.url_kwargs or None)
            except NoReverseMatch:  # a section not shipped on this install
                href = ""
            href += f"?{item.query}" if href and item.query else ""
        panel.append(
            {"label": item.label, "value": item.value, "detail": item.detail, "href": href}
        )
    return panel


@register.simple_tag(takes_context=True)
def glance_thumbnail(context) -> SafeString | None:
    """The village's map thumbnail (an SVG from the maps module), or None."""
    village = getattr(context["request"], "village", None)
    return glance.village_thumbnail(village) if village else None


def _page_query(request) -> str:
    """The one query parameter a canonical address keeps: the page of a paged list."""
    page = request.GET.get(PAGE_PARAM, "")
    return f"?{PAGE_PARAM}={int(page)}" if page.isdigit() and int(page) > 1 else ""


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The preferred address of this page, whichever host form was used to reach it: on a
    village site village.public_base_url() (its primary custom domain, else its subdomain when
    VILLAGE_SUBDOMAINS, else /desa/<slug>/ on the district) + the path in the site; elsewhere
    the district's own domain + the path. Query parameters (tracking, filters, a search) are
    dropped, except a page number past the first."""
    request = context["request"]
    village = getattr(request, "village", None)
    if village is None:
        origin = f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}"
        return origin + request.path + _page_query(request)
    if getattr(request, "village_host", False):
        inner = request.path.lstrip("/")
    else:
        prefix = reverse("site:home", kwargs={"village_slug": village.slug})
        inner = request.path[len(prefix) :] if request.path.startswith(prefix) else ""
    return village.public_base_url() + inner + _page_query(request)


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


def _link(name: str, label: StrOrPromise, **kwargs: str) -> dict | None:
    try:
        href = reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:  # a section another part has not shipped yet
        return None
    return {"name": name, "href": href, "label": label, "current": False}


def _mark_current(groups: list[dict], current: str) -> None:
    """Mark the link of the open page: its own URL name, a list's name for its items
    ("dashboard:pages" for "dashboard:page_edit"), or else the first link of the same app (the
    news editor belongs under "Berita")."""
    links = [link for group in groups for link in group["links"] if link["name"]]
    if not current:
        return
    for link in links:
        if current.startswith(link["name"].rstrip("s")):
            link["current"] = True
            return
    namespace = current.split(":", 1)[0] + ":"
    same_app = [link for link in links if link["name"].startswith(namespace)]
    if same_app:
        same_app[0]["current"] = True


def _grouped(sections: list[tuple[str, dict | None]]) -> list[dict]:
    """(group key or "" for the top, link) pairs → the menu's groups in MENU_GROUPS order."""
    order = ["", *navigation.MENU_GROUPS]
    groups: dict[str, list[dict]] = {}
    for key, link in sections:
        if link is not None:
            groups.setdefault(key, []).append(link)
    return [
        {"label": navigation.MENU_GROUPS.get(key), "links": groups[key]}
        for key in sorted(groups, key=order.index)
    ]


# The village dashboard's own sections (the modules add theirs through the navigation registry).
VILLAGE_SECTIONS = [
    navigation.DashboardSection("dashboard:profile", gettext_lazy("Profil desa"), "profile", 5),
    navigation.DashboardSection("dashboard:look", gettext_lazy("Tampilan"), "profile", 6),
    navigation.DashboardSection("members:list", gettext_lazy("Anggota"), "members", 7),
    navigation.DashboardSection("dashboard:pages", gettext_lazy("Halaman"), "content", 30),
    navigation.DashboardSection(
        "dashboard:officials", gettext_lazy("Perangkat desa"), "profile", 31, "content"
    ),
]
# The district admin's own pages, first in their part of the menu: (URL name, label).
DISTRICT_PAGES = [
    ("district:home", gettext_lazy("Ringkasan")),
    ("review:queue", gettext_lazy("Pendaftaran desa")),
    ("district:villages", gettext_lazy("Situs desa")),
    ("district:people", gettext_lazy("Pengguna")),
    ("district:audit", gettext_lazy("Jejak perubahan")),
    ("district:kecamatan", gettext_lazy("Pantauan kecamatan")),
]


def _village_part(user, village) -> dict:
    kw = {"slug": village.slug}
    sections = sorted((*VILLAGE_SECTIONS, *navigation.dashboard_sections()), key=lambda s: s.order)
    pairs = (
        [("", _link("dashboard:village", _("Ringkasan"), **kw))]
        if can_preview(user, village)
        else []
    )
    pairs += [
        (s.menu_group, _link(s.url_name, s.label, **kw))
        for s in sections
        if can(user, village, s.area)
    ]
    groups = _grouped(pairs)
    site = {"name": "", "href": village.get_absolute_url(), "label": _("Lihat situs")}
    groups.append({"label": None, "links": [{**site, "current": False}]})
    role = village_role(user, village)
    return {"title": village.display_name, "role": role_label(role), "groups": groups}


def _district_part(user) -> dict | None:
    if user.is_district_admin:
        pairs = [("", _link(name, label)) for name, label in DISTRICT_PAGES]
        pairs += [
            (s.group, _link(s.url_name, s.label))
            for s in navigation.district_sections(public=False)
        ]
        return {
            "title": settings.DISTRICT_NAME,
            "role": role_label(DISTRICT_ROLE),
            "groups": _grouped(pairs),
        }
    pairs = []
    if _watches_kecamatan(user):
        pairs.append(("", _link("district:kecamatan", _("Desa di kecamatan"))))
    if _is_mentor(user):
        pairs.append(("", _link("mentoring_district_dashboard:queue", _("Permintaan bantuan"))))
    if _watches_kecamatan(user) or _is_mentor(user):
        pairs.append(("", _link("watch_district_dashboard:freshness", _("Kesegaran situs"))))
    if not pairs:
        return None
    return {"title": settings.DISTRICT_NAME, "role": "", "groups": _grouped(pairs)}


@register.simple_tag(takes_context=True)
def dashboard_menu(context) -> list[dict]:
    """The dashboard menu in parts: the current village's sections this person may open, then
    the district-wide ones (the district admin's pages, a kecamatan viewer's or a mentor's).
    Each part has a title, the person's role there and its groups (a label, or None for links
    that stand on their own, and the links). Built once per request: the header's menu control
    and the wide screen's sidebar show the same one."""
    request = context["request"]
    menu = getattr(request, "_balai_dashboard_menu", None)
    if menu is not None:
        return menu
    user = request.user
    menu = []
    if user.is_authenticated:
        village = getattr(request, "village", None)
        if village is not None and village.pk:
            menu.append(_village_part(user, village))
        district = _district_part(user)
        if district is not None:
            menu.append(district)
        match = getattr(request, "resolver_match", None)
        _mark_current(
            [g for part in menu for g in part["groups"]], match.view_name if match else ""
        )
    request._balai_dashboard_menu = menu
    return menu


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
    links = (_link(s.url_name, s.label) for s in navigation.district_sections(public=True))
    return [link for link in links if link]


@register.filter
def role_label(role: str | None) -> str:
    """The name of a dashboard role (request.role): a membership role or the district admin."""
    if role == DISTRICT_ROLE:
        return _("Admin kabupaten")
    return str(Membership.Role(role).label) if role in Membership.Role.values else ""
