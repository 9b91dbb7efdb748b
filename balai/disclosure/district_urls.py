from __future__ import annotations

app_name = "disclosure_district"
urlpatterns: list = []
