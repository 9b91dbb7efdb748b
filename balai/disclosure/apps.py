from __future__ import annotations

from collections.abc import Iterable

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _menu(village) -> Iterable:
    from balai.disclosure.selectors import ppid_is_set_up
    from balai.villages.navigation import MenuItem

    # Kelurahan have no PPID Desa; a desa shows the section once its PPID is set up.
    if ppid_is_set_up(village):
        yield MenuItem("disclosure", _("PPID"), "disclosure_index", order=70)


class DisclosureConfig(AppConfig):
    name = "balai.disclosure"
    verbose_name = "PPID"

    def ready(self) -> None:
        from balai.disclosure.signals import seed_dip_on_provision
        from balai.disclosure.worklist import ppid_work
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
        register_work_provider(ppid_work)
        village_provisioned.connect(seed_dip_on_provision, dispatch_uid="disclosure_dip_seed")
        register_dashboard_section(
            DashboardSection("disclosure_dashboard:index", _("PPID"), "disclosure", order=70)
        )
        register_district_section(
            DistrictSection("disclosure_district:compliance", _("PPID"), public=True, order=70)
        )
        register_district_section(
            DistrictSection(
                "disclosure_district_dashboard:index", _("PPID desa"), public=False, order=70
            )
        )
