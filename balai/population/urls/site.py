"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `population_index`)."""

from __future__ import annotations

from django.urls import path, re_path

from balai.population.views import site

urlpatterns = [
    path("statistik/", site.index, name="population_index"),
    path("statistik/<slug:kategori>/", site.category, name="population_category"),
    re_path(
        r"^statistik/(?P<kategori>[-a-z]+)/data\.(?P<fmt>csv|json)$",
        site.download,
        name="population_download",
    ),
]
