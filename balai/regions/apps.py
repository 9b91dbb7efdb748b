from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "balai.regions"
    verbose_name = "Wilayah"
