from __future__ import annotations

from django.urls import path

from balai.imports.urls import job_urls
from balai.moving.views import dashboard

app_name = "moving_dashboard"
urlpatterns = [
    path("", dashboard.start, name="start"),
    path("arsip/<int:pk>/", dashboard.archive, name="archive"),
    path("wordpress/", dashboard.wordpress, name="wordpress"),
    *job_urls(domain="moving", area="personal"),
]
