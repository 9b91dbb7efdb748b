from __future__ import annotations

from django.urls import path

from balai.maps.views import district

app_name = "maps_district"
urlpatterns = [
    path("", district.district_map, name="map"),
    path("potensi/", district.district_potential, name="potential"),
]
