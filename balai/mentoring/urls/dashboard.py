from __future__ import annotations

from django.urls import path

from balai.mentoring.views import dashboard_events, dashboard_help

app_name = "mentoring_dashboard"
urlpatterns = [
    path("", dashboard_help.help_list, name="help_list"),
    path("minta/", dashboard_help.help_new, name="help_new"),
    path("<int:pk>/", dashboard_help.help_detail, name="help_detail"),
    path("<int:pk>/selesai/", dashboard_help.help_resolve, name="help_resolve"),
    path(
        "<int:pk>/lampiran/<int:attachment_id>/",
        dashboard_help.help_attachment,
        name="help_attachment",
    ),
    path("acara/", dashboard_events.events, name="events"),
    path("acara/<int:pk>/daftar/", dashboard_events.event_register, name="event_register"),
]
