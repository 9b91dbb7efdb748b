"""Public village pages of this module (in the `site` namespace)."""

from __future__ import annotations

from django.urls import path

from balai.letters.views import site

urlpatterns = [path("surat/cek/<str:code>/", site.verify, name="letters_verify")]
