from __future__ import annotations

from django.urls import path

from balai.budget.views import district_dashboard as views

app_name = "budget_district_dashboard"
urlpatterns = [path("", views.overview, name="overview")]
