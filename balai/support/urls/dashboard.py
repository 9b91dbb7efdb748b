from __future__ import annotations

from django.urls import path

from balai.support.views import dashboard_backups as backup_views
from balai.support.views import dashboard_events as event_views
from balai.support.views import dashboard_help as help_views

app_name = "support_dashboard"
urlpatterns = [
    path("", help_views.help_list, name="help_list"),
    path("minta/", help_views.help_new, name="help_new"),
    path("<int:pk>/", help_views.help_detail, name="help_detail"),
    path("<int:pk>/selesai/", help_views.help_resolve, name="help_resolve"),
    path(
        "<int:pk>/lampiran/<int:attachment_id>/",
        help_views.help_attachment,
        name="help_attachment",
    ),
    path("acara/", event_views.events, name="events"),
    path("acara/<int:pk>/daftar/", event_views.event_register, name="event_register"),
    path("cadangan/", backup_views.backup, name="backup"),
    path("cadangan/buat/", backup_views.backup_create, name="backup_create"),
    path("cadangan/<int:pk>/unduh/", backup_views.backup_download, name="backup_download"),
]
