from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "balai.support"
    verbose_name = "Pendampingan"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from balai.support import freshness  # noqa: F401  (registers the built-in checks)
        from balai.support.signals import login_failed, login_succeeded
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            register_dashboard_section,
            register_district_section,
        )

        user_logged_in.connect(login_succeeded, dispatch_uid="support_login_succeeded")
        user_login_failed.connect(login_failed, dispatch_uid="support_login_failed")
        register_dashboard_section(
            DashboardSection("support_dashboard:help_list", _("Bantuan"), "view", 80)
        )
        register_dashboard_section(
            DashboardSection("support_dashboard:events", _("Juguran & pelatihan"), "view", 81)
        )
        register_dashboard_section(
            DashboardSection("support_dashboard:backup", _("Cadangan data"), "members", 82)
        )
        for url_name, label, order in (
            ("support_district_dashboard:queue", _("Permintaan bantuan"), 80),
            ("support_district_dashboard:freshness", _("Kesegaran situs"), 81),
            ("support_district_dashboard:coverage", _("Cakupan pendamping"), 82),
            ("support_district_dashboard:guides", _("Panduan"), 83),
            ("support_district_dashboard:events", _("Juguran & pelatihan"), 84),
            ("support_district_dashboard:alerts", _("Pantauan keamanan"), 85),
        ):
            register_district_section(DistrictSection(url_name, label, public=False, order=order))
