from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionsConfig(AppConfig):
    name = "balai.institutions"
    verbose_name = "Lembaga desa"

    def ready(self) -> None:
        from balai.institutions.selectors import MENU_KEY, has_institutions, term_checklist
        from balai.villages.navigation import (
            DashboardSection,
            MenuItem,
            register_dashboard_section,
            register_menu_provider,
        )
        from balai.villages.selectors import register_checklist_provider

        def institutions_menu(village):
            if has_institutions(village):
                yield MenuItem(MENU_KEY, _("Lembaga"), "institutions_index", order=12)

        register_menu_provider(institutions_menu)
        register_dashboard_section(
            DashboardSection(
                "institutions_dashboard:list", _("Lembaga desa"), "profile", 32, "content"
            )
        )
        register_checklist_provider(term_checklist)

        from balai.institutions.worklist import term_work
        from balai.villages.worklist import register_work_provider

        register_work_provider(term_work)
