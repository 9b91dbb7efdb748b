from __future__ import annotations

from django.urls import path

from balai.portal.views import district as views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("desa/", views.directory, name="directory"),
    path("cari/", views.search, name="search"),
]
