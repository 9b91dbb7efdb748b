from __future__ import annotations

app_name = "budget_district"
urlpatterns: list = []
