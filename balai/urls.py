"""District host URLs: the portal, registration, login, the dashboard and /desa/<slug>/ sites."""

from __future__ import annotations

from django.urls import include, path

from balai.i18n import language_switch
from balai.scheduler.views.health import healthz
from balai.villages.media import serve_media

urlpatterns = [
    path("", include("balai.portal.urls.district")),
    path("daftar/", include("balai.registrations.urls.district")),
    path("", include("balai.accounts.urls.district")),
    path("dasbor/kabupaten/pendaftaran/", include("balai.registrations.urls.district_dashboard")),
    path("dasbor/", include("balai.portal.urls.district_dashboard")),
    path("dasbor/<slug:slug>/anggota/", include("balai.accounts.urls.dashboard")),
    path("dasbor/kabupaten/penduduk/", include("balai.population.urls.district_dashboard")),
    path("dasbor/kabupaten/bansos/", include("balai.welfare.urls.district_dashboard")),
    path("dasbor/kabupaten/anggaran/", include("balai.budget.urls.district_dashboard")),
    path("dasbor/kabupaten/ppid/", include("balai.disclosure.urls.district_dashboard")),
    path("dasbor/kabupaten/lapak/", include("balai.market.urls.district_dashboard")),
    path("dasbor/kabupaten/produk-hukum/", include("balai.legal.urls.district_dashboard")),
    path("dasbor/kabupaten/bantuan/", include("balai.mentoring.urls.district_dashboard")),
    path("dasbor/kabupaten/bantuan/", include("balai.watch.urls.district_dashboard")),
    path("dasbor/kabupaten/jadwal/", include("balai.scheduler.urls.district_dashboard")),
    path("dasbor/kabupaten/peta/", include("balai.maps.urls.district_dashboard")),
    path("dasbor/kabupaten/layanan/", include("balai.services.urls.district_dashboard")),
    path("dasbor/kabupaten/pengaduan/", include("balai.complaints.urls.district_dashboard")),
    path("dasbor/kabupaten/data-terbuka/", include("balai.opendata.urls.district_dashboard")),
    path("dasbor/kabupaten/surat/", include("balai.letters.urls.district_dashboard")),
    path("dasbor/<slug:slug>/berita/", include("balai.news.urls.dashboard")),
    path("dasbor/<slug:slug>/penduduk/", include("balai.population.urls.dashboard")),
    path("dasbor/<slug:slug>/bansos/", include("balai.welfare.urls.dashboard")),
    path("dasbor/<slug:slug>/anggaran/", include("balai.budget.urls.dashboard")),
    path("dasbor/<slug:slug>/ppid/", include("balai.disclosure.urls.dashboard")),
    path("dasbor/<slug:slug>/lapak/", include("balai.market.urls.dashboard")),
    path("dasbor/<slug:slug>/lembaga/", include("balai.institutions.urls.dashboard")),
    path("dasbor/<slug:slug>/produk-hukum/", include("balai.legal.urls.dashboard")),
    path("dasbor/<slug:slug>/bantuan/", include("balai.mentoring.urls.dashboard")),
    path("dasbor/<slug:slug>/bantuan/", include("balai.backups.urls.dashboard")),
    path("dasbor/<slug:slug>/pindah/", include("balai.moving.urls.dashboard")),
    path("dasbor/<slug:slug>/peta/", include("balai.maps.urls.dashboard")),
    path("dasbor/<slug:slug>/layanan/", include("balai.services.urls.dashboard")),
    path("dasbor/<slug:slug>/pengaduan/", include("balai.complaints.urls.dashboard")),
    path("dasbor/<slug:slug>/surat/", include("balai.letters.urls.dashboard")),
    path("dasbor/", include("balai.villages.urls.dashboard")),
    path("desa/<slug:village_slug>/", include("balai.villages.urls.site")),
    path("berita/", include("balai.news.urls.district")),
    path("statistik/", include("balai.population.urls.district")),
    path("bantuan-sosial/", include("balai.welfare.urls.district")),
    path("anggaran/", include("balai.budget.urls.district")),
    path("ppid/", include("balai.disclosure.urls.district")),
    path("lapak/", include("balai.market.urls.district")),
    path("peta/", include("balai.maps.urls.district")),
    path("data/", include("balai.opendata.urls.district")),
    path("api/3/", include("balai.opendata.urls.ckan")),
    path("api/", include("balai.api.urls")),
    path("bahasa/<str:code>/", language_switch, name="language"),
    path("media/<path:path>", serve_media, name="media"),
    path("healthz", healthz, name="healthz"),
]
