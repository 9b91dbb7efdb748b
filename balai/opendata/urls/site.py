"""A village's open data, included into the `site` namespace (names carry the `opendata_`
prefix)."""

from __future__ import annotations

from django.urls import path, re_path

from balai.opendata.views import site

urlpatterns = [
    path("data/", site.index, name="opendata_index"),
    re_path(r"^data/katalog\.(?P<fmt>jsonld|ttl)$", site.catalogue, name="opendata_catalogue"),
    re_path(
        r"^data/(?P<key>[a-z0-9-]+?)-(?P<fmt>kamus)\.csv$",
        site.download,
        name="opendata_dictionary",
    ),
    re_path(r"^data/(?P<key>[a-z0-9-]+)\.(?P<fmt>csv|json)$", site.download, name="opendata_file"),
    re_path(r"^data/(?P<key>[a-z0-9-]+)/$", site.dataset, name="opendata_dataset"),
]
