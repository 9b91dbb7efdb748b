from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The public read-only JSON API (/api/v1/) and its OpenAPI docs (/api/docs)."""

    name = "balai.api"
    verbose_name = "API publik"
