from __future__ import annotations

from django.urls import re_path

from balai.moving.views import site

# OpenSID's article and page addresses: /artikel/<id>, /artikel/<y>/<m>/<d>/<slug>,
# /first/artikel/<id>, each also under /index.php/.
urlpatterns = [
    # WordPress's date permalinks: /<yyyy>/<mm>/<slug>/ and /<yyyy>/<mm>/<dd>/<slug>/.
    re_path(
        r"^(?P<old>[0-9]{4}/[0-9]{2}/(?:[0-9]{2}/)?[^/]+/?)$",
        site.old_address,
        name="moving_old_permalink",
    ),
    re_path(
        r"^(?P<old>(?:index\.php/)?(?:first/)?artikel/.+)$",
        site.old_address,
        name="moving_old_address",
    ),
]
