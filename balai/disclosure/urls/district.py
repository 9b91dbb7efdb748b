from __future__ import annotations

from django.urls import path

from balai.disclosure.views import district as views

app_name = "disclosure_district"
urlpatterns = [path("", views.compliance, name="compliance")]
