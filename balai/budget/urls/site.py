"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `budget_index`)."""

from __future__ import annotations

from django.urls import path

from balai.budget.views import site

urlpatterns = [
    path("apbdes/", site.budget_index, name="budget_index"),
    path("apbdes/<int:tahun>/", site.budget_year, name="budget_year"),
    path("apbdes/<int:tahun>/apbdes.csv", site.budget_year_csv, name="budget_year_csv"),
    path("apbdes/<int:tahun>/apbdes.json", site.budget_year_json, name="budget_year_json"),
    path("apbdes/<int:tahun>/poster.pdf", site.budget_poster, name="budget_poster"),
    path("apbdes/<int:tahun>/realisasi.pdf", site.budget_report, name="budget_report"),
    path("pembangunan/", site.budget_projects, name="budget_projects"),
    path("pembangunan/<slug:slug>/", site.budget_project, name="budget_project"),
]
