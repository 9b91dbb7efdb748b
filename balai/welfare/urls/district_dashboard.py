from __future__ import annotations

from django.urls import path

from balai.welfare.views import district_dashboard

app_name = "welfare_district_dashboard"
urlpatterns = [
    path("", district_dashboard.overview, name="overview"),
    path("program/baru/", district_dashboard.programme_add, name="programme_add"),
]
