from __future__ import annotations

from django.urls import path, re_path

from balai.opendata.views import district

app_name = "opendata_district"
urlpatterns = [
    path("", district.index, name="index"),
    re_path(r"^katalog\.(?P<fmt>jsonld|ttl)$", district.catalogue, name="catalogue"),
    re_path(r"^(?P<key>[a-z0-9-]+?)-(?P<fmt>kamus)\.csv$", district.download, name="dictionary"),
    re_path(r"^(?P<key>[a-z0-9-]+)\.(?P<fmt>csv|json)$", district.download, name="file"),
    re_path(r"^(?P<key>[a-z0-9-]+)/$", district.dataset, name="dataset"),
]
