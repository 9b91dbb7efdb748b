from __future__ import annotations

app_name = "news_dashboard"
urlpatterns: list = []
