"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `disclosure_index`)."""

from __future__ import annotations

from django.urls import path

from balai.disclosure.views import site as views

urlpatterns = [
    path("ppid/", views.index, name="disclosure_index"),
    path("ppid/dip/<int:year>/", views.dip, name="disclosure_dip"),
    path("ppid/dip/<int:year>.csv", views.dip_csv, name="disclosure_dip_csv"),
    path("ppid/permohonan/", views.request_form, name="disclosure_request"),
    path("ppid/permohonan/lacak/", views.track_form, name="disclosure_track_form"),
    path("ppid/permohonan/lacak/<str:token>/", views.track, name="disclosure_track"),
    path(
        "ppid/permohonan/lacak/<str:token>/keberatan/",
        views.objection_form,
        name="disclosure_objection",
    ),
    path(
        "ppid/permohonan/lacak/<str:token>/berkas/", views.track_file, name="disclosure_track_file"
    ),
    path("ppid/darurat/<int:pk>/", views.notice, name="disclosure_notice"),
    path("ppid/laporan/", views.report, name="disclosure_report"),
    path("ppid/laporan/<int:year>/", views.report, name="disclosure_report_year"),
]
