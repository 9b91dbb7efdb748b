from __future__ import annotations

from django.urls import path

from balai.disclosure import district_views as views

app_name = "disclosure_district"
urlpatterns = [path("", views.compliance, name="compliance")]
