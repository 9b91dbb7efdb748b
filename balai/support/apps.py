from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "balai.support"
    verbose_name = "Pendampingan"
