from __future__ import annotations

app_name = "district"
urlpatterns: list = []
