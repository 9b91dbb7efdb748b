from __future__ import annotations

from django.urls import path

from balai.imports.urls import job_urls
from balai.population.views import dashboard, dashboard_families, dashboard_imports

app_name = "population_dashboard"
urlpatterns = [
    path("", dashboard.residents, name="residents"),
    path("tambah/", dashboard.resident_add, name="resident_add"),
    path("<int:pk>/", dashboard.resident_detail, name="resident"),
    path("<int:pk>/ubah/", dashboard.resident_edit, name="resident_edit"),
    path("<int:pk>/peristiwa/", dashboard.event_add, name="event_add"),
    path("kk/<int:pk>/", dashboard_families.family_detail, name="family"),
    path("kk/<int:pk>/pecah/", dashboard_families.family_split_view, name="family_split"),
    path("kk/<int:pk>/kepala/", dashboard_families.family_head_view, name="family_head"),
    path("laporan-bulanan/", dashboard.monthly, name="monthly"),
    path("pengaturan/", dashboard.settings, name="settings"),
    path("log/", dashboard.audit_log, name="audit"),
    path("impor/", dashboard_imports.imports, name="imports"),
    *job_urls(domain="population", area="personal"),
    path("templat.xlsx", dashboard_imports.template, name="template"),
    path("ekspor/", dashboard_imports.export, name="export"),
]
