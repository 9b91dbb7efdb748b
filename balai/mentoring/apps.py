from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "balai.mentoring"
    verbose_name = "Pendampingan"

    def ready(self) -> None:
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            register_dashboard_section,
            register_district_section,
        )

        register_dashboard_section(
            DashboardSection("mentoring_dashboard:help_list", _("Bantuan"), "view", 80)
        )
        register_dashboard_section(
            DashboardSection("mentoring_dashboard:events", _("Juguran & pelatihan"), "view", 81)
        )
        for url_name, label, order in (
            ("mentoring_district_dashboard:queue", _("Permintaan bantuan"), 80),
            ("mentoring_district_dashboard:coverage", _("Cakupan pendamping"), 82),
            ("mentoring_district_dashboard:guides", _("Panduan"), 83),
            ("mentoring_district_dashboard:events", _("Juguran & pelatihan"), 84),
        ):
            register_district_section(
                DistrictSection(url_name, label, public=False, order=order, group="support")
            )

        from balai.mentoring.worklist import help_work
        from balai.villages.worklist import register_work_provider

        register_work_provider(help_work)
