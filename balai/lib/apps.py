from __future__ import annotations

from django.apps import AppConfig


class LibConfig(AppConfig):
    """Helpers that serve every domain and know no domain model; an app only so that its
    template library (`{% load formats %}`) is found."""

    name = "balai.lib"
    label = "lib"
