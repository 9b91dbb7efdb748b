from __future__ import annotations

from django.urls import path

from balai.opendata.views import district_dashboard

app_name = "opendata_district_dashboard"
urlpatterns = [path("", district_dashboard.settings, name="settings")]
