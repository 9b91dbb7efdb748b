from __future__ import annotations

from django.urls import path

from balai.scheduler.views import district_dashboard

app_name = "scheduler_district_dashboard"
urlpatterns = [
    path("", district_dashboard.jobs, name="jobs"),
]
