"""Mounted at /api/: the v1 API and its Swagger UI page."""

from __future__ import annotations

from django.urls import path

from balai.api.api import api
from balai.api.views import docs

urlpatterns = [
    path("v1/", api.urls),
    path("docs", docs, name="api_docs"),
]
