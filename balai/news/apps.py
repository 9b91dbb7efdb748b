from __future__ import annotations

from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "balai.news"
    verbose_name = "Berita"

    def ready(self) -> None:
        from balai.news.navigation import register
        from balai.news.worklist import moderation_work
        from balai.villages.worklist import register_work_provider

        register()
        register_work_provider(moderation_work)
