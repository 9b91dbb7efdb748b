"""CKAN's Action API paths, mounted at /api/3/ on the district host only (a village's host
has no /api/: 404 there)."""

from __future__ import annotations

from django.urls import path

from balai.opendata.views import ckan

app_name = "opendata_ckan"
urlpatterns = [path("action/<str:name>", ckan.action, name="action")]
