"""Village dashboard of the budget module, at /dasbor/<slug>/anggaran/."""

from __future__ import annotations

from django.urls import path

from balai.budget.views import dashboard, dashboard_imports, dashboard_projects

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
    path("<int:year>/impor/<int:pk>/", dashboard_imports.import_batch, name="import_batch"),
    path(
        "<int:year>/impor/<int:pk>/terapkan/", dashboard_imports.import_apply, name="import_apply"
    ),
    path(
        "<int:year>/impor/<int:pk>/ditolak.csv",
        dashboard_imports.import_errors_csv,
        name="import_errors",
    ),
    path("pembangunan/", dashboard_projects.projects, name="projects"),
    path("pembangunan/tambah/", dashboard_projects.project_add, name="project_add"),
    path("pembangunan/<int:pk>/", dashboard_projects.project_edit, name="project_edit"),
    path("pembangunan/<int:pk>/hapus/", dashboard_projects.project_delete, name="project_delete"),
    path("pembangunan/<int:pk>/laporan/", dashboard_projects.report_add, name="report_add"),
]
