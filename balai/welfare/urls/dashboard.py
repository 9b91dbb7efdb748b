from __future__ import annotations

from django.urls import path

from balai.imports.urls import job_urls
from balai.welfare.views import dashboard as views
from balai.welfare.views import dashboard_imports as import_views

app_name = "welfare_dashboard"
urlpatterns = [
    path("", views.programmes, name="programmes"),
    path("program/baru/", views.programme_form, name="programme_add"),
    path("program/<int:pk>/ubah/", views.programme_form, name="programme_edit"),
    path("program/<int:pk>/", views.recipients, name="recipients"),
    path(
        "program/<int:pk>/penerima/<int:rid>/status/",
        views.recipient_status,
        name="recipient_status",
    ),
    path("program/<int:pk>/tayang/", views.publish, name="publish"),
    path("program/<int:pk>/ekspor/", views.export, name="export"),
    path("peringkat/", views.ranking, name="ranking"),
    path("sanggahan/", views.objections, name="objections"),
    path("sanggahan/<int:pk>/selesai/", views.objection_done, name="objection_done"),
    path("impor/", import_views.imports, name="imports"),
    *job_urls(domain="welfare", area="personal"),
    path("templat/<slug:target>/", import_views.template, name="template"),
]
