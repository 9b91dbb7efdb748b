from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balai.accounts"
    verbose_name = "Akun"
