from __future__ import annotations

app_name = "market_district"
urlpatterns: list = []
