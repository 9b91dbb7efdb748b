from __future__ import annotations

from django.urls import path

from balai.market.views import district_dashboard

app_name = "market_district_dashboard"
urlpatterns = [path("", district_dashboard.figures, name="figures")]
