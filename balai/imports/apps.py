from __future__ import annotations

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "balai.imports"
    label = "imports"
    verbose_name = "Impor"

    def ready(self) -> None:
        from balai.imports import registry, signals

        registry.autodiscover()
        signals.connect()
