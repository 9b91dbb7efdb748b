from __future__ import annotations

from django.urls import path

from balai.letters.views import dashboard, dashboard_admin

app_name = "letters_dashboard"
urlpatterns = [
    path("", dashboard.home, name="home"),
    path("baru/<int:resident>/", dashboard.choose, name="choose"),
    path("baru/<int:resident>/<slug:key>/", dashboard.issue, name="issue"),
    path("arsip/", dashboard.archive, name="archive"),
    path("arsip/agenda.<str:fmt>", dashboard_admin.register_export, name="register"),
    path("<int:pk>/", dashboard.letter_detail, name="letter"),
    path("<int:pk>/surat.pdf", dashboard.letter_pdf, name="pdf"),
    path("<int:pk>/batal/", dashboard.letter_revoke, name="revoke"),
    path("templat/", dashboard_admin.templates, name="templates"),
    path("templat/<slug:key>/", dashboard_admin.template_edit, name="template"),
    path(
        "templat/<slug:key>/pakai-kabupaten/",
        dashboard_admin.template_use_district,
        name="template_district",
    ),
    path("pengaturan/", dashboard_admin.settings, name="settings"),
]
