from __future__ import annotations

from django.urls import path

from balai.complaints.views import dashboard

app_name = "complaints_dashboard"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("pengaturan/", dashboard.settings, name="settings"),
    path("<int:pk>/", dashboard.detail, name="detail"),
    path("<int:pk>/status/", dashboard.status, name="status"),
    path("<int:pk>/catatan/", dashboard.note, name="note"),
    path("<int:pk>/jawab/", dashboard.answer, name="answer"),
    path("<int:pk>/bukan-spam/", dashboard.release, name="release"),
    path("<int:pk>/foto/", dashboard.photo, name="photo"),
]
