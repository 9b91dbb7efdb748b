from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    name = "balai.backups"
    verbose_name = "Cadangan data"

    def ready(self) -> None:
        from balai.villages.navigation import DashboardSection, register_dashboard_section

        register_dashboard_section(
            DashboardSection("backups_dashboard:backup", _("Cadangan data"), "members", 82)
        )
