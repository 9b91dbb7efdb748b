"""District-wide news at /berita/ on the district host."""

from __future__ import annotations

from django.urls import path

from balai.news.views import district as views

app_name = "news_district"
urlpatterns = [
    path("", views.district_news, name="index"),
    path("cari/", views.district_search, name="search"),
    path("feed/", views.district_feed, name="feed"),
]
