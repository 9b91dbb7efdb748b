"""Public village pages of the maps module (in the `site` namespace)."""

from __future__ import annotations

from django.urls import path

from balai.maps.views import site

urlpatterns = [
    path("peta/", site.village_map, name="maps_map"),
    path("peta/data.geojson", site.map_data, name="maps_data"),
    path("potensi/", site.potential, name="maps_potential"),
]
