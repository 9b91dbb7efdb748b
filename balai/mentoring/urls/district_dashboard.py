from __future__ import annotations

from django.urls import path

from balai.mentoring.views import (
    district_dashboard,
    district_dashboard_events,
    district_dashboard_guides,
)

app_name = "mentoring_district_dashboard"
urlpatterns = [
    path("", district_dashboard.queue, name="queue"),
    path("pendamping/", district_dashboard.coverage, name="coverage"),
    path("panduan/", district_dashboard_guides.guides, name="guides"),
    path("panduan/baru/", district_dashboard_guides.guide_add, name="guide_add"),
    path("panduan/<slug:guide_slug>/", district_dashboard_guides.guide, name="guide"),
    path(
        "panduan/<slug:guide_slug>/ubah/", district_dashboard_guides.guide_edit, name="guide_edit"
    ),
    path("acara/", district_dashboard_events.events, name="events"),
    path("acara/baru/", district_dashboard_events.event_add, name="event_add"),
    path("acara/<int:pk>/", district_dashboard_events.event, name="event"),
    path("acara/<int:pk>/ubah/", district_dashboard_events.event_edit, name="event_edit"),
]
