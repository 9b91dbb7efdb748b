from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketConfig(AppConfig):
    name = "balai.market"
    verbose_name = "Lapak"

    def ready(self) -> None:
        from balai.market.selectors import has_public_products
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            MenuItem,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )

        def market_menu(village):
            if has_public_products(village):
                yield MenuItem("market", _("Lapak"), "market_index", order=60)

        register_menu_provider(market_menu)

        from balai.market.worklist import order_work
        from balai.villages.worklist import register_work_provider

        register_work_provider(order_work)
        register_dashboard_section(
            DashboardSection("market_dashboard:home", _("Lapak"), "market", 60)
        )
        register_district_section(DistrictSection("market_district:index", _("Lapak"), True, 60))
        register_district_section(
            DistrictSection("market_district_dashboard:figures", _("Lapak desa"), False, 60)
        )
