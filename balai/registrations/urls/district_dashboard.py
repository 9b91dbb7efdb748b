"""The district's review of applications, under /dasbor/kabupaten/pendaftaran/."""

from __future__ import annotations

from django.urls import path

from balai.registrations.views import district_dashboard as views_review

app_name = "review"
urlpatterns = [
    path("", views_review.queue, name="queue"),
    path("<int:pk>/", views_review.detail, name="detail"),
    path("<int:pk>/surat/", views_review.letter, name="letter"),
    path("<int:pk>/setujui/", views_review.approve, name="approve"),
    path("<int:pk>/perbaikan/", views_review.request_revision, name="revision"),
    path("<int:pk>/tolak/", views_review.reject, name="reject"),
    path("<int:pk>/disetujui/", views_review.approved, name="approved"),
]
