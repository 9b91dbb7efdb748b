from __future__ import annotations

app_name = "population_district"
urlpatterns: list = []
