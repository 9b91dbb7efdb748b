from __future__ import annotations

app_name = "market_district_dashboard"
urlpatterns: list = []
