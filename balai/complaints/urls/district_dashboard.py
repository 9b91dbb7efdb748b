from __future__ import annotations

from django.urls import path

from balai.complaints.views import district_dashboard

app_name = "complaints_district_dashboard"
urlpatterns = [
    path("", district_dashboard.index, name="index"),
    path("aturan/", district_dashboard.rules, name="rules"),
    path("<int:pk>/", district_dashboard.complaint, name="complaint"),
]
