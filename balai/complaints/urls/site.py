"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `complaints_index`)."""

from __future__ import annotations

from django.urls import path

from balai.complaints.views import site

urlpatterns = [
    path("pengaduan/", site.index, name="complaints_index"),
    path("pengaduan/kirim/", site.send, name="complaints_send"),
    path("pengaduan/lacak/", site.track_form, name="complaints_track_form"),
    path("pengaduan/lacak/<str:token>/", site.track, name="complaints_track"),
]
