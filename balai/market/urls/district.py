from __future__ import annotations

from django.urls import path

from balai.market.views import district as district_views

app_name = "market_district"
urlpatterns = [path("", district_views.marketplace, name="index")]
