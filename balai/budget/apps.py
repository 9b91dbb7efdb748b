from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "balai.budget"
    verbose_name = "Anggaran"
