"""Public village pages of the counter services; included into the `site` namespace, so names
carry the module prefix (e.g. `services_index`)."""

from __future__ import annotations

from django.urls import path

from balai.services.views import site

urlpatterns = [
    path("layanan/", site.index, name="services_index"),
    path("layanan/lacak/", site.track_form, name="services_track_form"),
    path("layanan/lacak/<str:code>/<str:token>/", site.track, name="services_track"),
    path(
        "layanan/lacak/<str:code>/<str:token>/jawab/",
        site.track_answer,
        name="services_track_answer",
    ),
    path(
        "layanan/lacak/<str:code>/<str:token>/unduh/",
        site.track_download,
        name="services_track_download",
    ),
    path("layanan/<slug:service_slug>/", site.detail, name="services_detail"),
    path("layanan/<slug:service_slug>/ajukan/", site.request_form, name="services_request"),
]
