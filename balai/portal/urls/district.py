from __future__ import annotations

from django.urls import path

from balai.portal.views import district

app_name = "portal"
urlpatterns = [
    path("", district.home, name="home"),
    path("desa/", district.directory, name="directory"),
    path("cari/", district.search, name="search"),
]
