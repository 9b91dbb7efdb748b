from __future__ import annotations

from django.urls import path

from balai.maps.views import district_dashboard

app_name = "maps_district_dashboard"
urlpatterns = [
    path("", district_dashboard.home, name="home"),
    path("muat/<int:pk>/", district_dashboard.load, name="load"),
]
