from __future__ import annotations

from django.apps import AppConfig


class MovingConfig(AppConfig):
    name = "balai.moving"
    verbose_name = "Pindah dari OpenSID"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from balai.villages.navigation import DashboardSection, register_dashboard_section

        register_dashboard_section(
            DashboardSection(
                "moving_dashboard:start", _("Pindah dari OpenSID"), "personal", 84, group="settings"
            )
        )
