"""Village dashboard of the budget module, at /dasbor/<slug>/anggaran/."""

from __future__ import annotations

from django.urls import path

from balai.budget.views import dashboard as v
from balai.budget.views import dashboard_imports as i
from balai.budget.views import dashboard_projects as p
from balai.imports.urls import job_urls

app_name = "budget_dashboard"
urlpatterns = [
    path("", v.years, name="years"),
    path("templat.csv", i.import_template, name="import_template"),
    path("<int:year>/", v.year, name="year"),
    path("<int:year>/baris/tambah/", v.line_add, name="line_add"),
    path("<int:year>/baris/<int:pk>/", v.line_edit, name="line_edit"),
    path("<int:year>/baris/<int:pk>/hapus/", v.line_delete, name="line_delete"),
    path("<int:year>/baris/<int:pk>/realisasi/", v.realisation_add, name="realisation_add"),
    path("<int:year>/tetapkan/", v.approve, name="approve"),
    path("<int:year>/poster.pdf", v.poster, name="poster"),
    path("<int:year>/realisasi.pdf", v.report, name="report"),
    path("<int:year>/impor/", i.import_start, name="import_start"),
    *job_urls(domain="budget", area="budget"),
    path("pembangunan/", p.projects, name="projects"),
    path("pembangunan/tambah/", p.project_add, name="project_add"),
    path("pembangunan/<int:pk>/", p.project_edit, name="project_edit"),
    path("pembangunan/<int:pk>/hapus/", p.project_delete, name="project_delete"),
    path("pembangunan/<int:pk>/laporan/", p.report_add, name="report_add"),
]
