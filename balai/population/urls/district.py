from __future__ import annotations

from django.urls import path, re_path

from balai.population.views import district as district_views

app_name = "population_district"
urlpatterns = [
    path("", district_views.index, name="index"),
    path("<slug:kategori>/", district_views.category, name="category"),
    re_path(
        r"^(?P<kategori>[-a-z]+)/data\.(?P<fmt>csv|json)$", district_views.download, name="download"
    ),
]
