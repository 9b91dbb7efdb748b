from __future__ import annotations

from django.urls import path

from balai.services.views import district_dashboard

app_name = "services_district_dashboard"
urlpatterns = [
    path("", district_dashboard.index, name="index"),
    path("tambah/", district_dashboard.default_add, name="default_add"),
    path("<int:pk>/", district_dashboard.default_edit, name="default_edit"),
]
