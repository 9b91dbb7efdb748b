from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "balai.welfare"
    verbose_name = "Bantuan sosial"
