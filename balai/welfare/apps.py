from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelfareConfig(AppConfig):
    name = "balai.welfare"
    verbose_name = "Bantuan sosial"

    def ready(self) -> None:
        from balai.villages.navigation import (
            DashboardSection,
            DistrictSection,
            MenuItem,
            register_dashboard_section,
            register_district_section,
            register_menu_provider,
        )

        def welfare_menu(village):
            from balai.welfare.selectors import has_figures

            if has_figures(village):
                yield MenuItem("welfare", _("Bantuan sosial"), "welfare_index", order=45)

        register_menu_provider(welfare_menu)

        from balai.population.signals import figures_recomputed

        figures_recomputed.connect(_recount_after_register, dispatch_uid="welfare-recount")
        register_dashboard_section(
            DashboardSection("welfare_dashboard:programmes", _("Bantuan sosial"), "personal", 45)
        )
        register_district_section(
            DistrictSection("welfare_district:index", _("Bantuan sosial"), public=True, order=35)
        )
        register_district_section(
            DistrictSection(
                "welfare_district_dashboard:overview",
                _("Bantuan sosial desa"),
                public=False,
                order=35,
            )
        )


def _recount_after_register(sender, village, **kwargs) -> None:
    """A death or a move changes who is counted per decile: recount welfare figures too."""
    from balai.welfare.figures import figures_recompute
    from balai.welfare.models import Programme, WelfareRank

    if (
        Programme.objects.for_village(village).exists()
        or WelfareRank.objects.filter(village=village).exists()
    ):
        figures_recompute(village=village)
