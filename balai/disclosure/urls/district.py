from __future__ import annotations

from django.urls import path

from balai.disclosure.views import district

app_name = "disclosure_district"
urlpatterns = [path("", district.compliance, name="compliance")]
