from __future__ import annotations

from django.urls import path

from balai.watch.views import district_dashboard

app_name = "watch_district_dashboard"
urlpatterns = [
    path("kesegaran/", district_dashboard.freshness, name="freshness"),
    path("keamanan/", district_dashboard.alerts, name="alerts"),
    path("keamanan/<int:pk>/tangani/", district_dashboard.alert_handle, name="alert_handle"),
]
