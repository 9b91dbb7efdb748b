from __future__ import annotations

from django.urls import path

from balai.budget.views import district

app_name = "budget_district"
urlpatterns = [path("", district.overview, name="overview")]
