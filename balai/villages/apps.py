from __future__ import annotations

from django.apps import AppConfig


class VillagesConfig(AppConfig):
    name = "balai.villages"
    verbose_name = "Desa"

    def ready(self) -> None:
        from balai.villages.content import connect_public_models, connect_routes

        connect_public_models()
        connect_routes()
