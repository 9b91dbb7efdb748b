from __future__ import annotations

from collections.abc import Iterable

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _menu(village) -> Iterable:
    from balai.services.selectors import has_services
    from balai.villages.navigation import MenuItem

    if has_services(village):
        yield MenuItem("services", _("Layanan"), "services_index", order=65)


class ServicesConfig(AppConfig):
    name = "balai.services"
    verbose_name = "Layanan"

    def ready(self) -> None:
        from balai.services.access import STAFF_AREA
        from balai.services.signals import seed_catalogue_on_provision
        from balai.services.worklist import services_work
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )
        from balai.villages.signals import village_provisioned
        from balai.villages.worklist import register_work_provider

        register_menu_provider(_menu)
        register_work_provider(services_work)
        village_provisioned.connect(
            seed_catalogue_on_provision, dispatch_uid="services_catalogue_seed"
        )
        register_dashboard_section(
            DashboardSection(
                "services_dashboard:index",
                _("Layanan warga"),
                STAFF_AREA,
                order=60,
                group="services",
            )
        )
        register_district_section(
            DistrictSection(
                "services_district_dashboard:index", _("Layanan desa"), public=False, order=65
            )
        )
