from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balai.accounts"
    verbose_name = "Akun"

    def ready(self) -> None:
        from balai.accounts import checks  # noqa: F401  (registers the deploy check)
