from __future__ import annotations

app_name = "market_dashboard"
urlpatterns: list = []
