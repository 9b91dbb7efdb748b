"""What search engines are told: robots.txt on every host and the sitemap index.

Hosts: the district host answers for the portal and for every village reached by path
(/desa/<slug>/…), so its robots.txt holds the village rules under /desa/*/ too; a village's own
domain or subdomain answers with the same rules at its root. Public pages are open; the
dashboards, login, search results, tracking and one-time pages (an order's confirmation, a
request's tracking link) and the announced welfare lists (names of people) are not for an
index. Each robots.txt names its sitemaps: the district's the index at its root
(/sitemap.xml), which lists the portal's own sitemap and every live village's, each at the
village's canonical address (Village.public_base_url).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from balai.villages.models import Village

# Inside a village site, relative to its root.
VILLAGE_CLOSED = [
    "cari/",  # search results
    "ppid/permohonan/lacak/",  # a request's tracking page (its link is the requester's key)
    "lapak/lacak/",  # an order's tracking
    "lapak/pesanan/",  # an order's confirmation
    "lapak/*/pesan/",  # the order form
    "kirim-berita/terkirim/",
    "bantuan-sosial/daftar/",  # announced lists: recipients' names are public, not for an index
]
# On the district host only.
DISTRICT_CLOSED = [
    "/dasbor/",
    "/masuk/",  # login, password reset
    "/keluar/",
    "/akun/",
    "/undangan/",
    "/daftar/status/",  # an application's tracking
    "/daftar/terkirim/",
    "/cari/",
    "/berita/cari/",
    "/bahasa/",  # the language switch sets a cookie and sends the visitor back
]
# Search results reached with ?q= on a list page (the shop's catalogue, the marketplace).
QUERY_CLOSED = ["/*?q=", "/*&q="]


def district_origin() -> str:
    return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}"


def _robots(disallow: list[str], sitemaps: list[str]) -> str:
    lines = ["User-agent: *", "Allow: /", *(f"Disallow: {path}" for path in disallow), ""]
    lines += [f"Sitemap: {url}" for url in sitemaps]
    return "\n".join(lines) + "\n"


def district_robots() -> str:
    """robots.txt of the district host: the portal, and village sites by path."""
    village_prefix = reverse("site:home", kwargs={"village_slug": "x"}).removesuffix("x/")
    closed = [
        *DISTRICT_CLOSED,
        *(f"{village_prefix}*/{path}" for path in VILLAGE_CLOSED),
        *QUERY_CLOSED,
    ]
    return _robots(closed, [district_origin() + reverse("portal:sitemap_index")])


def village_robots(village: Village) -> str:
    """robots.txt of a village's own domain or subdomain (its site at the root)."""
    closed = [f"/{path}" for path in VILLAGE_CLOSED] + ["/bahasa/", *QUERY_CLOSED]
    return _robots(closed, [village_sitemap_url(village)])


def village_sitemap_url(village: Village) -> str:
    return village.public_base_url() + "sitemap.xml"


def listed_villages() -> QuerySet[Village]:
    """The villages a sitemap index lists: live ones (never a draft or a suspended site)."""
    return (
        Village.objects.filter(status=Village.Status.LIVE)
        .prefetch_related("domains")
        .order_by("slug")
    )
