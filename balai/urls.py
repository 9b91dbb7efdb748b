"""District host URLs: the portal, registration, login, the dashboard and /desa/<slug>/ sites."""

from __future__ import annotations

from django.urls import include, path

from balai.i18n import language_switch
from balai.villages.media import serve_media

urlpatterns = [
    path("", include("balai.portal.urls")),
    path("daftar/", include("balai.registrations.urls")),
    path("", include("balai.accounts.urls")),
    path("dasbor/kabupaten/pendaftaran/", include("balai.registrations.review_urls")),
    path("dasbor/", include("balai.portal.dashboard_urls")),
    path("dasbor/<slug:slug>/anggota/", include("balai.accounts.member_urls")),
    path("dasbor/kabupaten/berita/", include("balai.news.district_dashboard_urls")),
    path("dasbor/kabupaten/penduduk/", include("balai.population.district_dashboard_urls")),
    path("dasbor/kabupaten/bansos/", include("balai.welfare.district_dashboard_urls")),
    path("dasbor/kabupaten/anggaran/", include("balai.budget.district_dashboard_urls")),
    path("dasbor/kabupaten/ppid/", include("balai.disclosure.district_dashboard_urls")),
    path("dasbor/kabupaten/lapak/", include("balai.market.district_dashboard_urls")),
    path("dasbor/kabupaten/bantuan/", include("balai.support.district_dashboard_urls")),
    path("dasbor/<slug:slug>/berita/", include("balai.news.dashboard_urls")),
    path("dasbor/<slug:slug>/penduduk/", include("balai.population.dashboard_urls")),
    path("dasbor/<slug:slug>/bansos/", include("balai.welfare.dashboard_urls")),
    path("dasbor/<slug:slug>/anggaran/", include("balai.budget.dashboard_urls")),
    path("dasbor/<slug:slug>/ppid/", include("balai.disclosure.dashboard_urls")),
    path("dasbor/<slug:slug>/lapak/", include("balai.market.dashboard_urls")),
    path("dasbor/<slug:slug>/bantuan/", include("balai.support.dashboard_urls")),
    path("dasbor/", include("balai.villages.dashboard_urls")),
    path("desa/<slug:village_slug>/", include("balai.villages.site_urls")),
    path("berita/", include("balai.news.district_urls")),
    path("statistik/", include("balai.population.district_urls")),
    path("bantuan-sosial/", include("balai.welfare.district_urls")),
    path("anggaran/", include("balai.budget.district_urls")),
    path("ppid/", include("balai.disclosure.district_urls")),
    path("lapak/", include("balai.market.district_urls")),
    path("api/", include("balai.api.urls")),
    path("bahasa/<str:code>/", language_switch, name="language"),
    path("media/<path:path>", serve_media, name="media"),
]
