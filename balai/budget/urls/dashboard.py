"""Village dashboard of the budget module, at /dasbor/<slug>/anggaran/."""

from __future__ import annotations

from django.urls import path

from balai.budget.views import dashboard, dashboard_imports, dashboard_projects
from balai.imports.urls import job_urls

app_name = "budget_dashboard"
urlpatterns = [
    path("", dashboard.years, name="years"),
    path("templat.csv", dashboard_imports.import_template, name="import_template"),
    path("<int:year>/", dashboard.year, name="year"),
    path("<int:year>/baris/tambah/", dashboard.line_add, name="line_add"),
    path("<int:year>/baris/<int:pk>/", dashboard.line_edit, name="line_edit"),
    path("<int:year>/baris/<int:pk>/hapus/", dashboard.line_delete, name="line_delete"),
    path("<int:year>/baris/<int:pk>/realisasi/", dashboard.realisation_add, name="realisation_add"),
    path("<int:year>/tetapkan/", dashboard.approve, name="approve"),
    path("<int:year>/poster.pdf", dashboard.poster, name="poster"),
    path("<int:year>/realisasi.pdf", dashboard.report, name="report"),
    path("<int:year>/impor/", dashboard_imports.import_start, name="import_start"),
    *job_urls(domain="budget", area="budget", desa=True),
    path("pembangunan/", dashboard_projects.projects, name="projects"),
    path("pembangunan/tambah/", dashboard_projects.project_add, name="project_add"),
    path("pembangunan/<int:pk>/", dashboard_projects.project_edit, name="project_edit"),
    path("pembangunan/<int:pk>/hapus/", dashboard_projects.project_delete, name="project_delete"),
    path("pembangunan/<int:pk>/laporan/", dashboard_projects.report_add, name="report_add"),
]
