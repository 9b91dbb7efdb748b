"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `news_index`)."""

from __future__ import annotations

from django.urls import path, re_path

from balai.news.views import site as views
from balai.news.views import site_community as community
from balai.news.views import site_feeds as feeds

urlpatterns = [
    path("berita/", views.news_index, name="news_index"),
    path("berita/<slug:article_slug>/", views.news_article, name="news_article"),
    path("berita/<slug:article_slug>/komentar/", community.news_comment, name="news_comment"),
    path("kategori/<slug:category_slug>/", views.news_category, name="news_category"),
    path(
        "kategori/<slug:category_slug>/feed/", feeds.news_category_feed, name="news_category_feed"
    ),
    path("label/<slug:tag_slug>/", views.news_tag, name="news_tag"),
    re_path(
        r"^arsip/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.news_archive, name="news_archive"
    ),
    path("agenda/", views.news_agenda, name="news_agenda"),
    path("agenda.ics", feeds.news_agenda_ics, name="news_agenda_ics"),
    path("galeri/", views.news_gallery, name="news_gallery"),
    path("galeri/<slug:album_slug>/", views.news_album, name="news_album"),
    path("cari/", views.news_search, name="news_search"),
    path("kirim-berita/", community.news_submit, name="news_submit"),
    path("kirim-berita/terkirim/", community.news_submit_done, name="news_submit_done"),
    path("feed/", feeds.news_feed, name="news_feed"),
    path("sitemap.xml", feeds.news_sitemap, name="news_sitemap"),
]
