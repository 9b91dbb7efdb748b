from __future__ import annotations

from django.urls import path

from balai.portal.views import district_dashboard as views
from balai.portal.views import district_dashboard_people as people_views

app_name = "district"
urlpatterns = [
    path("kabupaten/", views.home, name="home"),
    path("kabupaten/desa/", views.villages, name="villages"),
    path("kabupaten/desa/<slug:slug>/", views.village, name="village"),
    path("kabupaten/desa/<slug:slug>/status/", views.village_status, name="village_status"),
    path("kabupaten/desa/<slug:slug>/pendamping/", views.village_mentor_add, name="mentor_add"),
    path(
        "kabupaten/desa/<slug:slug>/pendamping/<int:user_id>/lepas/",
        views.village_mentor_remove,
        name="mentor_remove",
    ),
    path("kabupaten/desa/<slug:slug>/domain/", views.village_domain_add, name="domain_add"),
    path(
        "kabupaten/desa/<slug:slug>/domain/<int:pk>/hapus/",
        views.village_domain_remove,
        name="domain_remove",
    ),
    path("kabupaten/pengguna/", people_views.people, name="people"),
    path(
        "kabupaten/pengguna/<int:user_id>/admin-kabupaten/",
        people_views.district_admin,
        name="district_admin",
    ),
    path("kabupaten/pengguna/pemantau/", people_views.viewer_add, name="viewer_add"),
    path(
        "kabupaten/pengguna/pemantau/<int:pk>/hapus/",
        people_views.viewer_remove,
        name="viewer_remove",
    ),
    path("kabupaten/pengguna/baru/", people_views.user_create, name="user_create"),
    path("kabupaten/jejak/", views.audit, name="audit"),
    path("kecamatan/", views.kecamatan, name="kecamatan"),
]
