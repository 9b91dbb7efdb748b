"""A village's public site. Mounted at /desa/<village_slug>/ on the district host and at the
root of the village's own domain or subdomain (balai/village_host_urls.py)."""

from __future__ import annotations

from django.urls import include, path

from balai.villages.views import site

app_name = "site"
urlpatterns = [
    path("", site.home, name="home"),
    path("profil/", site.profile, name="profile"),
    path("pemerintahan/", site.government, name="government"),
    path("halaman/<slug:page_slug>/", site.page, name="page"),
    path("tema.css", site.theme, name="theme"),
    # Each module's public pages, in this same `site` namespace (names carry the module prefix).
    path("", include("balai.news.urls.site")),
    path("", include("balai.population.urls.site")),
    path("", include("balai.welfare.urls.site")),
    path("", include("balai.budget.urls.site")),
    path("", include("balai.disclosure.urls.site")),
    path("", include("balai.market.urls.site")),
    path("", include("balai.institutions.urls.site")),
    path("", include("balai.maps.urls.site")),
    path("", include("balai.services.urls.site")),
    path("", include("balai.legal.urls.site")),
    path("", include("balai.complaints.urls.site")),
    path("", include("balai.opendata.urls.site")),
    path("", include("balai.letters.urls.site")),
    path("", include("balai.moving.urls.site")),  # the old site's addresses: last
]
