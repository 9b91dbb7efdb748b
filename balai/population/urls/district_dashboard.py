from __future__ import annotations

from django.urls import path

from balai.population.views import district_dashboard

app_name = "population_district_dashboard"
urlpatterns = [path("", district_dashboard.overview, name="overview")]
