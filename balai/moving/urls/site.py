from __future__ import annotations

from django.urls import re_path

from balai.moving.views import site

# OpenSID's article and page addresses: /artikel/<id>, /artikel/<y>/<m>/<d>/<slug>,
# /first/artikel/<id>, each also under /index.php/.
urlpatterns = [
    re_path(
        r"^(?P<old>(?:index\.php/)?(?:first/)?artikel/.+)$",
        site.old_address,
        name="moving_old_address",
    ),
]
