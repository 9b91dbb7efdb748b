from __future__ import annotations

from django.urls import path, re_path

from balai.population.views import district

app_name = "population_district"
urlpatterns = [
    path("", district.index, name="index"),
    path("<slug:kategori>/", district.category, name="category"),
    re_path(r"^(?P<kategori>[-a-z]+)/data\.(?P<fmt>csv|json)$", district.download, name="download"),
]
