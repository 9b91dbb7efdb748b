from __future__ import annotations

app_name = "news_district"
urlpatterns: list = []
