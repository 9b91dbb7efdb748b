from __future__ import annotations

from django.urls import path, re_path

from balai.welfare.views import district

app_name = "welfare_district"
urlpatterns = [
    path("", district.index, name="index"),
    re_path(r"^data-(?P<key>[a-z]+)\.(?P<fmt>csv|json)$", district.download, name="download"),
]
