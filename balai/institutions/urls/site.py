"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `institutions_index`)."""

from __future__ import annotations

from django.urls import path

from balai.institutions.views import site

urlpatterns = [
    path("lembaga/", site.institution_index, name="institutions_index"),
    path("lembaga/<slug:institution_slug>/", site.institution_page, name="institutions_detail"),
]
