"""The village dashboard under /dasbor/ on the district host. Every view but `home` takes the
village slug and starts with village_role_required: outsiders get 404."""

from __future__ import annotations

from django.urls import path

from balai.villages.views import dashboard as dashboard_views
from balai.villages.views import dashboard_officials as official_views
from balai.villages.views import dashboard_pages as page_views

app_name = "dashboard"
urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("<slug:slug>/", dashboard_views.village, name="village"),
    path("<slug:slug>/profil/", dashboard_views.profile, name="profile"),
    path("<slug:slug>/tampilan/", dashboard_views.look, name="look"),
    path("<slug:slug>/perangkat/", official_views.officials, name="officials"),
    path("<slug:slug>/perangkat/tambah/", official_views.official_add, name="official_add"),
    path("<slug:slug>/perangkat/<int:pk>/", official_views.official_edit, name="official_edit"),
    path(
        "<slug:slug>/perangkat/<int:pk>/hapus/",
        official_views.official_delete,
        name="official_delete",
    ),
    path(
        "<slug:slug>/perangkat/<int:pk>/pindah/",
        official_views.official_move,
        name="official_move",
    ),
    path("<slug:slug>/halaman/", page_views.pages, name="pages"),
    path("<slug:slug>/halaman/tambah/", page_views.page_add, name="page_add"),
    path("<slug:slug>/halaman/<int:pk>/", page_views.page_edit, name="page_edit"),
    path("<slug:slug>/halaman/<int:pk>/hapus/", page_views.page_delete, name="page_delete"),
]
