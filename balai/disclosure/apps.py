from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "balai.disclosure"
    verbose_name = "PPID"
