from __future__ import annotations

from django.urls import path

from balai.portal.views import district, district_crawlers

app_name = "portal"
urlpatterns = [
    path("", district.home, name="home"),
    path("desa/", district.directory, name="directory"),
    path("cari/", district.search, name="search"),
    path("robots.txt", district_crawlers.robots_txt, name="robots"),
    path("sitemap.xml", district_crawlers.sitemap_index, name="sitemap_index"),
    path("sitemap-portal.xml", district_crawlers.sitemap, name="sitemap"),
]
