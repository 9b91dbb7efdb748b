from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WatchConfig(AppConfig):
    name = "balai.watch"
    verbose_name = "Pantauan kabupaten"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from balai.villages.navigation import DistrictSection, register_district_section
        from balai.watch.freshness import freshness_discover
        from balai.watch.signals import login_failed, login_succeeded

        # Every app's `freshness.py` declares its checks; none of them imports this app.
        freshness_discover()
        from balai.villages.worklist import register_work_provider
        from balai.watch.worklist import slipped_work

        register_work_provider(slipped_work)
        user_logged_in.connect(login_succeeded, dispatch_uid="watch_login_succeeded")
        user_login_failed.connect(login_failed, dispatch_uid="watch_login_failed")
        for url_name, label, order in (
            ("watch_district_dashboard:freshness", _("Kesegaran situs"), 81),
            ("watch_district_dashboard:alerts", _("Pantauan keamanan"), 85),
        ):
            register_district_section(
                DistrictSection(url_name, label, public=False, order=order, group="watch")
            )
