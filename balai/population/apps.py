from django.apps import AppConfig


class PopulationConfig(AppConfig):
    name = "balai.population"
    verbose_name = "Penduduk"
