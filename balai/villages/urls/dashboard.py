"""The village dashboard under /dasbor/ on the district host. Every view but `home` takes the
village slug and starts with village_role_required: outsiders get 404."""

from __future__ import annotations

from django.urls import path

from balai.villages.views import dashboard, dashboard_officials, dashboard_pages

app_name = "dashboard"
urlpatterns = [
    path("", dashboard.home, name="home"),
    path("<slug:slug>/", dashboard.village, name="village"),
    path("<slug:slug>/profil/", dashboard.profile, name="profile"),
    path("<slug:slug>/tampilan/", dashboard.look, name="look"),
    path("<slug:slug>/perangkat/", dashboard_officials.officials, name="officials"),
    path("<slug:slug>/perangkat/tambah/", dashboard_officials.official_add, name="official_add"),
    path(
        "<slug:slug>/perangkat/<int:pk>/", dashboard_officials.official_edit, name="official_edit"
    ),
    path(
        "<slug:slug>/perangkat/<int:pk>/hapus/",
        dashboard_officials.official_delete,
        name="official_delete",
    ),
    path(
        "<slug:slug>/perangkat/<int:pk>/pindah/",
        dashboard_officials.official_move,
        name="official_move",
    ),
    path("<slug:slug>/halaman/", dashboard_pages.pages, name="pages"),
    path("<slug:slug>/halaman/tambah/", dashboard_pages.page_add, name="page_add"),
    path("<slug:slug>/halaman/<int:pk>/", dashboard_pages.page_edit, name="page_edit"),
    path("<slug:slug>/halaman/<int:pk>/hapus/", dashboard_pages.page_delete, name="page_delete"),
]
