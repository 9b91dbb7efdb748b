from __future__ import annotations

from django.urls import path

from balai.budget.views import district as district_views

app_name = "budget_district"
urlpatterns = [path("", district_views.overview, name="overview")]
