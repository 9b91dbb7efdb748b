from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "balai.maps"
    verbose_name = "Peta"

    def ready(self) -> None:
        from balai.maps.selectors import has_map, has_potential
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            MenuItem,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )

        def maps_menu(village):
            if has_map(village):
                yield MenuItem("maps", _("Peta"), "maps_map", order=70)
            if has_potential(village):
                yield MenuItem("potential", _("Potensi"), "maps_potential", order=71)

        register_menu_provider(maps_menu)

        from balai.maps.selectors import boundary_thumbnail_svg
        from balai.villages.glance import register_thumbnail

        register_thumbnail(boundary_thumbnail_svg)
        register_dashboard_section(
            DashboardSection("maps_dashboard:home", _("Peta & potensi"), "profile", 75, "content")
        )
        register_district_section(DistrictSection("maps_district:map", _("Peta"), True, 65))
        register_district_section(
            DistrictSection("maps_district_dashboard:home", _("Peta desa"), False, 65)
        )
