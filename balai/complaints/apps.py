from __future__ import annotations

from collections.abc import Iterable

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _menu(village) -> Iterable:
    from balai.villages.navigation import MenuItem
    from balai.villages.selectors import profile_is_filled

    # A minimum service (Permendagri 2/2017), listed once the site says where its office is
    # (its profile is filled, as for "Profil"): an empty new site shows no sections at all.
    # The pages themselves answer from the first day.
    if profile_is_filled(village):
        yield MenuItem("complaints", _("Pengaduan"), "complaints_index", order=75)


class ComplaintsConfig(AppConfig):
    name = "balai.complaints"
    verbose_name = "Pengaduan"

    def ready(self) -> None:
        from balai.complaints.worklist import complaints_work
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )
        from balai.villages.worklist import register_work_provider

        register_menu_provider(_menu)
        register_work_provider(complaints_work)
        register_dashboard_section(
            DashboardSection(
                "complaints_dashboard:index",
                _("Pengaduan"),
                "complaints",
                order=72,
                group="services",
            )
        )
        register_district_section(
            DistrictSection(
                "complaints_district_dashboard:index",
                _("Pengaduan warga"),
                public=False,
                order=72,
            )
        )
