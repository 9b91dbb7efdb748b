from __future__ import annotations

app_name = "budget_district_dashboard"
urlpatterns: list = []
