from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "balai.registrations"
    verbose_name = "Pendaftaran"
