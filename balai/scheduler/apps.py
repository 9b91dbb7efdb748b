from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulerConfig(AppConfig):
    name = "balai.scheduler"
    verbose_name = "Jadwal tugas"

    def ready(self) -> None:
        from balai.villages.navigation import DistrictSection, register_district_section

        register_district_section(
            DistrictSection(
                "scheduler_district_dashboard:jobs",
                _("Tugas terjadwal"),
                public=False,
                order=88,
                group="watch",
            )
        )
