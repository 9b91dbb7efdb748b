"""URLs when a village is reached by its own domain or subdomain: its site at the root."""

from __future__ import annotations

from django.urls import include, path

from balai.i18n import language_switch
from balai.scheduler.views.health import healthz
from balai.villages.media import serve_media
from balai.villages.views.site_crawlers import robots_txt

urlpatterns = [
    path("", include("balai.villages.urls.site")),
    path("robots.txt", robots_txt, name="robots"),
    path("bahasa/<str:code>/", language_switch, name="language"),
    path("media/<path:path>", serve_media, name="media"),
    path("healthz", healthz, name="healthz"),
]
