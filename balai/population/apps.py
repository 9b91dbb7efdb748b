from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PopulationConfig(AppConfig):
    name = "balai.population"
    verbose_name = "Penduduk"

    def ready(self) -> None:
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            MenuItem,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )

        def statistics_menu(village):
            from balai.population.selectors import has_figures

            if has_figures(village):
                yield MenuItem("population", _("Statistik"), "population_index", order=40)

        register_menu_provider(statistics_menu)
        register_dashboard_section(
            DashboardSection("population_dashboard:residents", _("Data penduduk"), "personal", 40)
        )
        register_district_section(
            DistrictSection("population_district:index", _("Statistik"), public=True, order=30)
        )
        register_district_section(
            DistrictSection(
                "population_district_dashboard:overview",
                _("Data penduduk desa"),
                public=False,
                order=30,
            )
        )
