from __future__ import annotations

from django.urls import path

from balai.maps.views import dashboard

app_name = "maps_dashboard"
urlpatterns = [
    path("", dashboard.home, name="home"),
    path("batas/", dashboard.boundary_upload, name="boundary_upload"),
    path("batas/hapus/", dashboard.boundary_delete, name="boundary_delete"),
    path("wilayah/", dashboard.area_upload, name="area_upload"),
    path("wilayah/<int:pk>/hapus/", dashboard.area_delete, name="area_delete"),
    path("titik/tambah/", dashboard.place_add, name="place_add"),
    path("titik/<int:pk>/", dashboard.place_edit, name="place_edit"),
    path("titik/<int:pk>/hapus/", dashboard.place_delete, name="place_delete"),
    path("potensi/tambah/", dashboard.potential_add, name="potential_add"),
    path("potensi/<int:pk>/", dashboard.potential_edit, name="potential_edit"),
    path("potensi/<int:pk>/hapus/", dashboard.potential_delete, name="potential_delete"),
]
