from __future__ import annotations

from django.urls import path

from balai.disclosure.views import dashboard as views
from balai.disclosure.views import dashboard_manage as manage

app_name = "disclosure_dashboard"
urlpatterns = [
    path("", views.index, name="index"),
    path("permohonan/baru/", views.request_add, name="request_add"),
    path("permohonan/<int:pk>/", views.request_detail, name="request"),
    path("permohonan/<int:pk>/perpanjang/", views.request_extend, name="request_extend"),
    path("permohonan/<int:pk>/jawab/", views.request_decide, name="request_decide"),
    path("permohonan/<int:pk>/berkas/", views.request_file, name="request_file"),
    path("keberatan/<int:pk>/", views.objection_detail, name="objection"),
    path("profil/", manage.profile, name="profile"),
    path("dip/", manage.dip, name="dip"),
    path("dip/isi/", manage.dip_seed, name="dip_seed"),
    path("dip/tambah/", manage.dip_add, name="dip_add"),
    path("dip/<int:pk>/", manage.dip_edit, name="dip_edit"),
    path("dip/<int:pk>/hapus/", manage.dip_delete, name="dip_delete"),
    path("serta-merta/", manage.notices, name="notices"),
    path("serta-merta/<int:pk>/akhiri/", manage.notice_end, name="notice_end"),
    path("register/<str:kind>.<str:fmt>", manage.register_export, name="register"),
]
