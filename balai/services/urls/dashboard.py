from __future__ import annotations

from django.urls import path

from balai.services.views import dashboard, dashboard_catalogue

app_name = "services_dashboard"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("permohonan/<int:pk>/", dashboard.request_detail, name="request"),
    path("permohonan/<int:pk>/cari/", dashboard.request_search, name="request_search"),
    path("permohonan/<int:pk>/cocokkan/", dashboard.request_match, name="request_match"),
    path("permohonan/<int:pk>/minta/", dashboard.request_ask, name="request_ask"),
    path("permohonan/<int:pk>/siap/", dashboard.request_ready, name="request_ready"),
    path("permohonan/<int:pk>/diambil/", dashboard.request_collected, name="request_collected"),
    path("permohonan/<int:pk>/serahkan/", dashboard.request_handover, name="request_handover"),
    path("permohonan/<int:pk>/buka-unduhan/", dashboard.request_reopen, name="request_reopen"),
    path("permohonan/<int:pk>/tolak/", dashboard.request_reject, name="request_reject"),
    path("permohonan/<int:pk>/berkas/<int:file_id>/", dashboard.request_file, name="request_file"),
    path("permohonan/<int:pk>/surat.pdf", dashboard.request_letter, name="request_letter"),
    path("katalog/", dashboard_catalogue.catalogue, name="catalogue"),
    path("katalog/isi/", dashboard_catalogue.catalogue_fill, name="catalogue_fill"),
    path("katalog/tambah/", dashboard_catalogue.service_add, name="service_add"),
    path("katalog/<int:pk>/", dashboard_catalogue.service_edit, name="service_edit"),
    path("katalog/<int:pk>/hapus/", dashboard_catalogue.service_delete, name="service_delete"),
]
