from __future__ import annotations

app_name = "welfare_district"
urlpatterns: list = []
