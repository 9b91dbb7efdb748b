from __future__ import annotations

from django.urls import path

from balai.disclosure.views import district_dashboard as views

app_name = "disclosure_district_dashboard"
urlpatterns = [
    path("", views.index, name="index"),
    path("libur/<int:pk>/hapus/", views.holiday_delete, name="holiday_delete"),
]
