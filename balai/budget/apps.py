from __future__ import annotations

from collections.abc import Iterable

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def budget_menu(village) -> Iterable:
    from balai.budget import selectors
    from balai.villages.navigation import MenuItem

    if selectors.has_budget_section(village):
        yield MenuItem("budget", _("APBDes"), "budget_index", order=40)
        if selectors.published_projects(village).exists():
            yield MenuItem("projects", _("Pembangunan"), "budget_projects", order=41)


class BudgetConfig(AppConfig):
    name = "balai.budget"
    verbose_name = "Anggaran"

    def ready(self) -> None:
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )

        register_menu_provider(budget_menu)
        register_dashboard_section(
            DashboardSection("budget_dashboard:years", _("APBDes"), "budget", 40)
        )
        register_dashboard_section(
            DashboardSection("budget_dashboard:projects", _("Pembangunan"), "budget", 41)
        )
        register_district_section(
            DistrictSection("budget_district:overview", _("Anggaran"), public=True, order=40)
        )
        register_district_section(
            DistrictSection(
                "budget_district_dashboard:overview", _("APBDes desa"), public=False, order=40
            )
        )
