"""Public village pages of the legal acts register; included into the `site` namespace, so
names carry the module prefix (`legal_list`)."""

from __future__ import annotations

from django.urls import path

from balai.legal.views import site

urlpatterns = [
    path("produk-hukum/", site.act_list, name="legal_list"),
    path("produk-hukum/jdih.json", site.jdih_feed, name="legal_jdih"),
    path("produk-hukum/<slug:act_slug>/", site.act_detail, name="legal_act"),
]
