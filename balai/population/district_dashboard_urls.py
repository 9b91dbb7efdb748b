from __future__ import annotations

from django.urls import path

from balai.population import district_dashboard_views

app_name = "population_district_dashboard"
urlpatterns = [path("", district_dashboard_views.overview, name="overview")]
