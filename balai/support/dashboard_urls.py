from __future__ import annotations

app_name = "support_dashboard"
urlpatterns: list = []
