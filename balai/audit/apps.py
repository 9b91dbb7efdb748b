from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "balai.audit"
    verbose_name = "Jejak audit"
