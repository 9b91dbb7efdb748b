from __future__ import annotations

from django.urls import path

from balai.imports.urls import job_urls
from balai.welfare.views import dashboard, dashboard_imports

app_name = "welfare_dashboard"
urlpatterns = [
    path("", dashboard.programmes, name="programmes"),
    path("program/baru/", dashboard.programme_form, name="programme_add"),
    path("program/<int:pk>/ubah/", dashboard.programme_form, name="programme_edit"),
    path("program/<int:pk>/", dashboard.recipients, name="recipients"),
    path(
        "program/<int:pk>/penerima/<int:rid>/status/",
        dashboard.recipient_status,
        name="recipient_status",
    ),
    path("program/<int:pk>/tayang/", dashboard.publish, name="publish"),
    path("program/<int:pk>/ekspor/", dashboard.export, name="export"),
    path("peringkat/", dashboard.ranking, name="ranking"),
    path("sanggahan/", dashboard.objections, name="objections"),
    path("sanggahan/<int:pk>/selesai/", dashboard.objection_done, name="objection_done"),
    path("impor/", dashboard_imports.imports, name="imports"),
    *job_urls(domain="welfare", area="personal"),
    path("templat/<slug:target>/", dashboard_imports.template, name="template"),
]
