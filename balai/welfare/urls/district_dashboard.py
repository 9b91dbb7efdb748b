from __future__ import annotations

from django.urls import path

from balai.welfare.views import district_dashboard as views

app_name = "welfare_district_dashboard"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("program/baru/", views.programme_add, name="programme_add"),
]
