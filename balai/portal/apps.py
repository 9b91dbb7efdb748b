from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "balai.portal"
    verbose_name = "Portal"
