from __future__ import annotations

from django.urls import path

from balai.disclosure.views import district_dashboard

app_name = "disclosure_district_dashboard"
urlpatterns = [
    path("", district_dashboard.index, name="index"),
    path("libur/<int:pk>/hapus/", district_dashboard.holiday_delete, name="holiday_delete"),
]
