from __future__ import annotations

from django.urls import path

from balai.disclosure.views import dashboard, dashboard_manage

app_name = "disclosure_dashboard"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("permohonan/baru/", dashboard.request_add, name="request_add"),
    path("permohonan/<int:pk>/", dashboard.request_detail, name="request"),
    path("permohonan/<int:pk>/perpanjang/", dashboard.request_extend, name="request_extend"),
    path("permohonan/<int:pk>/jawab/", dashboard.request_decide, name="request_decide"),
    path("permohonan/<int:pk>/berkas/", dashboard.request_file, name="request_file"),
    path("keberatan/<int:pk>/", dashboard.objection_detail, name="objection"),
    path("profil/", dashboard_manage.profile, name="profile"),
    path("dip/", dashboard_manage.dip, name="dip"),
    path("dip/isi/", dashboard_manage.dip_seed, name="dip_seed"),
    path("dip/tambah/", dashboard_manage.dip_add, name="dip_add"),
    path("dip/<int:pk>/", dashboard_manage.dip_edit, name="dip_edit"),
    path("dip/<int:pk>/hapus/", dashboard_manage.dip_delete, name="dip_delete"),
    path("serta-merta/", dashboard_manage.notices, name="notices"),
    path("serta-merta/<int:pk>/akhiri/", dashboard_manage.notice_end, name="notice_end"),
    path("register/<str:kind>.<str:fmt>", dashboard_manage.register_export, name="register"),
]
