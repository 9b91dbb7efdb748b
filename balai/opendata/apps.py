from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "balai.opendata"
    verbose_name = "Data terbuka"

    def ready(self) -> None:
        from balai.opendata.registry import datasets_discover
        from balai.villages.navigation import DistrictSection, register_district_section

        # Every app's `datasets.py` declares its tables; none of them imports this app.
        datasets_discover()
        # No entry in the village menu: working out whether a village publishes anything costs
        # a query per module on the menu's first render, and /data/ is for re-users; a link in
        # the village footer (templates/layouts/site.html) is its way in (docs/opendata.md).
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
