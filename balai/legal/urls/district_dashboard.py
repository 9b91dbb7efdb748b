from __future__ import annotations

from django.urls import path

from balai.legal.views import district_dashboard

app_name = "legal_district_dashboard"
urlpatterns = [path("", district_dashboard.apbdes, name="apbdes")]
