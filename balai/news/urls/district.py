"""District-wide news at /berita/ on the district host."""

from __future__ import annotations

from django.urls import path

from balai.news.views import district

app_name = "news_district"
urlpatterns = [
    path("", district.district_news, name="index"),
    path("cari/", district.district_search, name="search"),
    path("feed/", district.district_feed, name="feed"),
]
