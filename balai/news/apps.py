from __future__ import annotations

from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "balai.news"
    verbose_name = "Berita"

    def ready(self) -> None:
        from balai.news.navigation import register

        register()
