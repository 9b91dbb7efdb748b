from __future__ import annotations

app_name = "budget_dashboard"
urlpatterns: list = []
