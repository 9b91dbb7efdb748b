from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "balai.registrations"
    verbose_name = "Pendaftaran"

    def ready(self) -> None:
        from balai.registrations.worklist import application_work
        from balai.villages.worklist import register_work_provider

        register_work_provider(application_work)
