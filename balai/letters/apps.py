from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "balai.letters"
    verbose_name = "Surat"

    def ready(self) -> None:
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            register_dashboard_section,
            register_district_section,
        )

        register_dashboard_section(
            DashboardSection("letters_dashboard:home", _("Surat"), "service", 55)
        )
        register_district_section(
            DistrictSection("letters_district_dashboard:home", _("Templat surat"), False, 55)
        )
