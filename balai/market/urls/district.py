from __future__ import annotations

from django.urls import path

from balai.market.views import district

app_name = "market_district"
urlpatterns = [path("", district.marketplace, name="index")]
