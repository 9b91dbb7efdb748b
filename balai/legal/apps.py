from __future__ import annotations

from collections.abc import Iterable

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _menu(village) -> Iterable:
    from balai.legal.selectors import has_public_acts
    from balai.villages.navigation import MenuItem

    # Kelurahan have no produk hukum desa; a desa shows the section once an act is published.
    if has_public_acts(village):
        yield MenuItem("legal", _("Produk hukum"), "legal_list", order=72)


class LegalConfig(AppConfig):
    name = "balai.legal"
    verbose_name = "Produk hukum desa"

    def ready(self) -> None:
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )

        register_menu_provider(_menu)
        register_dashboard_section(
            DashboardSection(
                "legal_dashboard:list", _("Produk hukum"), "profile", order=32, group="content"
            )
        )
        register_district_section(
            DistrictSection(
                "legal_district_dashboard:apbdes", _("Perdes APB Desa"), public=False, order=72
            )
        )
