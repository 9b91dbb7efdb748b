"""The public registration flow under /daftar/ and the tracking pages."""

from __future__ import annotations

from django.urls import path

from balai.registrations.views import district as views
from balai.registrations.views import district_status as views_status

app_name = "registrations"
urlpatterns = [
    path("", views.start, name="start"),
    path("desa/", views.village, name="village"),
    path("pemohon/", views.applicant, name="applicant"),
    path("alamat/", views.address, name="address"),
    path("alamat/cek/", views.check_slug, name="check_slug"),
    path("surat/", views.letter, name="letter"),
    path("periksa/", views.check, name="check"),
    path("terkirim/", views.done, name="done"),
    path("status/", views_status.lookup, name="lookup"),
    path("status/<str:code>/", views_status.status, name="status"),
    path("status/<str:code>/perbaiki/", views_status.revise, name="revise"),
]
