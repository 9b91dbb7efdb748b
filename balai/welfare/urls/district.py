from __future__ import annotations

from django.urls import path, re_path

from balai.welfare.views import district as district_views

app_name = "welfare_district"
urlpatterns = [
    path("", district_views.index, name="index"),
    re_path(r"^data-(?P<key>[a-z]+)\.(?P<fmt>csv|json)$", district_views.download, name="download"),
]
