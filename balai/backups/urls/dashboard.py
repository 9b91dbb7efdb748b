from __future__ import annotations

from django.urls import path

from balai.backups.views import dashboard

app_name = "backups_dashboard"
urlpatterns = [
    path("cadangan/", dashboard.backup, name="backup"),
    path("cadangan/buat/", dashboard.backup_create, name="backup_create"),
    path("cadangan/<int:pk>/unduh/", dashboard.backup_download, name="backup_download"),
]
