"""The district's review of applications, under /dasbor/kabupaten/pendaftaran/."""

from __future__ import annotations

from django.urls import path

from balai.registrations.views import district_dashboard

app_name = "review"
urlpatterns = [
    path("", district_dashboard.queue, name="queue"),
    path("<int:pk>/", district_dashboard.detail, name="detail"),
    path("<int:pk>/surat/", district_dashboard.letter, name="letter"),
    path("<int:pk>/setujui/", district_dashboard.approve, name="approve"),
    path("<int:pk>/perbaikan/", district_dashboard.request_revision, name="revision"),
    path("<int:pk>/tolak/", district_dashboard.reject, name="reject"),
    path("<int:pk>/disetujui/", district_dashboard.approved, name="approved"),
]
