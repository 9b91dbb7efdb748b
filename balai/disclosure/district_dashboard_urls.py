from __future__ import annotations

from django.urls import path

from balai.disclosure import district_views as views

app_name = "disclosure_district_dashboard"
urlpatterns = [
    path("", views.dashboard, name="index"),
    path("libur/<int:pk>/hapus/", views.holiday_delete, name="holiday_delete"),
]
