from __future__ import annotations

from django.urls import path

from balai.support.views import district_dashboard as views
from balai.support.views import district_dashboard_freshness as freshness_views
from balai.support.views import district_dashboard_guides as guide_views

app_name = "support_district_dashboard"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("kesegaran/", freshness_views.freshness, name="freshness"),
    path("pendamping/", views.coverage, name="coverage"),
    path("panduan/", guide_views.guides, name="guides"),
    path("panduan/baru/", guide_views.guide_add, name="guide_add"),
    path("panduan/<slug:guide_slug>/", guide_views.guide, name="guide"),
    path("panduan/<slug:guide_slug>/ubah/", guide_views.guide_edit, name="guide_edit"),
    path("acara/", views.events, name="events"),
    path("acara/baru/", views.event_add, name="event_add"),
    path("acara/<int:pk>/", views.event, name="event"),
    path("acara/<int:pk>/ubah/", views.event_edit, name="event_edit"),
    path("keamanan/", views.alerts, name="alerts"),
    path("keamanan/<int:pk>/tangani/", views.alert_handle, name="alert_handle"),
]
