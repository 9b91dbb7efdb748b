"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `disclosure_index`)."""

from __future__ import annotations

from django.urls import path

from balai.disclosure.views import site

urlpatterns = [
    path("ppid/", site.index, name="disclosure_index"),
    path("ppid/dip/<int:year>/", site.dip, name="disclosure_dip"),
    path("ppid/dip/<int:year>.csv", site.dip_csv, name="disclosure_dip_csv"),
    path("ppid/permohonan/", site.request_form, name="disclosure_request"),
    path("ppid/permohonan/lacak/", site.track_form, name="disclosure_track_form"),
    path("ppid/permohonan/lacak/<str:token>/", site.track, name="disclosure_track"),
    path(
        "ppid/permohonan/lacak/<str:token>/keberatan/",
        site.objection_form,
        name="disclosure_objection",
    ),
    path(
        "ppid/permohonan/lacak/<str:token>/berkas/", site.track_file, name="disclosure_track_file"
    ),
    path("ppid/darurat/<int:pk>/", site.notice, name="disclosure_notice"),
    path("ppid/laporan/", site.report, name="disclosure_report"),
    path("ppid/laporan/<int:year>/", site.report, name="disclosure_report_year"),
]
