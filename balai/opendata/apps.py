from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "balai.opendata"
    verbose_name = "Data terbuka"

    def ready(self) -> None:
        from balai.opendata.registry import datasets_discover
        from balai.villages.navigation import (
            DistrictSection,
            MenuItem,
            register_district_section,
            register_menu_provider,
        )

        # Every app's `datasets.py` declares its tables; none of them imports this app.
        datasets_discover()

        def opendata_menu(village):
            from balai.opendata.catalogue import village_entries

            if village_entries(village):
                yield MenuItem("opendata", _("Data terbuka"), "opendata_index", order=88)

        register_menu_provider(opendata_menu)
        register_district_section(
            DistrictSection("opendata_district:index", _("Data terbuka"), public=True, order=60)
        )
        register_district_section(
            DistrictSection(
                "opendata_district_dashboard:settings",
                _("Data terbuka"),
                public=False,
                order=70,
                group="settings",
            )
        )
