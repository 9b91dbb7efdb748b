from __future__ import annotations

app_name = "support_district_dashboard"
urlpatterns: list = []
