from __future__ import annotations

from django.urls import path

from balai.portal.views import district_dashboard, district_dashboard_people

app_name = "district"
urlpatterns = [
    path("kabupaten/", district_dashboard.home, name="home"),
    path("kabupaten/desa/", district_dashboard.villages, name="villages"),
    path("kabupaten/desa/<slug:slug>/", district_dashboard.village, name="village"),
    path(
        "kabupaten/desa/<slug:slug>/status/",
        district_dashboard.village_status,
        name="village_status",
    ),
    path(
        "kabupaten/desa/<slug:slug>/pendamping/",
        district_dashboard.village_mentor_add,
        name="mentor_add",
    ),
    path(
        "kabupaten/desa/<slug:slug>/pendamping/<int:user_id>/lepas/",
        district_dashboard.village_mentor_remove,
        name="mentor_remove",
    ),
    path(
        "kabupaten/desa/<slug:slug>/domain/",
        district_dashboard.village_domain_add,
        name="domain_add",
    ),
    path(
        "kabupaten/desa/<slug:slug>/domain/<int:pk>/hapus/",
        district_dashboard.village_domain_remove,
        name="domain_remove",
    ),
    path("kabupaten/pengguna/", district_dashboard_people.people, name="people"),
    path(
        "kabupaten/pengguna/<int:user_id>/admin-kabupaten/",
        district_dashboard_people.district_admin,
        name="district_admin",
    ),
    path("kabupaten/pengguna/pemantau/", district_dashboard_people.viewer_add, name="viewer_add"),
    path(
        "kabupaten/pengguna/pemantau/<int:pk>/hapus/",
        district_dashboard_people.viewer_remove,
        name="viewer_remove",
    ),
    path("kabupaten/pengguna/baru/", district_dashboard_people.user_create, name="user_create"),
    path("kabupaten/jejak/", district_dashboard.audit, name="audit"),
    path("kecamatan/", district_dashboard.kecamatan, name="kecamatan"),
]
