from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "balai.news"
    verbose_name = "Berita"
