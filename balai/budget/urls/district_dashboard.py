from __future__ import annotations

from django.urls import path

from balai.budget.views import district_dashboard

app_name = "budget_district_dashboard"
urlpatterns = [path("", district_dashboard.overview, name="overview")]
