from __future__ import annotations

from django.urls import path

from balai.welfare import district_views

app_name = "welfare_district_dashboard"
urlpatterns = [
    path("", district_views.overview, name="overview"),
    path("program/baru/", district_views.programme_add, name="programme_add"),
]
