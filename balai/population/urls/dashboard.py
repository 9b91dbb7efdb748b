from __future__ import annotations

from django.urls import path

from balai.imports.urls import job_urls
from balai.population.views import dashboard as views
from balai.population.views import dashboard_families as family_views
from balai.population.views import dashboard_imports as import_views

app_name = "population_dashboard"
urlpatterns = [
    path("", views.residents, name="residents"),
    path("tambah/", views.resident_add, name="resident_add"),
    path("<int:pk>/", views.resident_detail, name="resident"),
    path("<int:pk>/ubah/", views.resident_edit, name="resident_edit"),
    path("<int:pk>/peristiwa/", views.event_add, name="event_add"),
    path("kk/<int:pk>/", family_views.family_detail, name="family"),
    path("kk/<int:pk>/pecah/", family_views.family_split_view, name="family_split"),
    path("kk/<int:pk>/kepala/", family_views.family_head_view, name="family_head"),
    path("laporan-bulanan/", views.monthly, name="monthly"),
    path("pengaturan/", views.settings, name="settings"),
    path("log/", views.audit_log, name="audit"),
    path("impor/", import_views.imports, name="imports"),
    *job_urls(domain="population", area="personal"),
    path("templat.xlsx", import_views.template, name="template"),
    path("ekspor/", import_views.export, name="export"),
]
