"""The public registration flow under /daftar/ and the tracking pages."""

from __future__ import annotations

from django.urls import path

from balai.registrations.views import district, district_status, district_support

app_name = "registrations"
urlpatterns = [
    path("", district.start, name="start"),
    path("desa/", district.village, name="village"),
    path("pemohon/", district.applicant, name="applicant"),
    path("alamat/", district.address, name="address"),
    path("alamat/cek/", district.check_slug, name="check_slug"),
    path("surat/", district.letter, name="letter"),
    path("contoh-surat.<str:fmt>", district_support.sample, name="sample_letter"),
    path("periksa/", district.check, name="check"),
    path("terkirim/", district.done, name="done"),
    path("status/", district_status.lookup, name="lookup"),
    path("status/<str:code>/", district_status.status, name="status"),
    path("status/<str:code>/perbaiki/", district_status.revise, name="revise"),
]
