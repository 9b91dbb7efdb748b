"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `news_index`)."""

from __future__ import annotations

from django.urls import path, re_path

from balai.news.views import site, site_community, site_feeds

urlpatterns = [
    path("berita/", site.news_index, name="news_index"),
    path("berita/<slug:article_slug>/", site.news_article, name="news_article"),
    path("berita/<slug:article_slug>/komentar/", site_community.news_comment, name="news_comment"),
    path("kategori/<slug:category_slug>/", site.news_category, name="news_category"),
    path(
        "kategori/<slug:category_slug>/feed/",
        site_feeds.news_category_feed,
        name="news_category_feed",
    ),
    path("label/<slug:tag_slug>/", site.news_tag, name="news_tag"),
    re_path(
        r"^arsip/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", site.news_archive, name="news_archive"
    ),
    path("agenda/", site.news_agenda, name="news_agenda"),
    path("agenda.ics", site_feeds.news_agenda_ics, name="news_agenda_ics"),
    path("galeri/", site.news_gallery, name="news_gallery"),
    path("galeri/<slug:album_slug>/", site.news_album, name="news_album"),
    path("cari/", site.news_search, name="news_search"),
    path("kirim-berita/", site_community.news_submit, name="news_submit"),
    path("kirim-berita/terkirim/", site_community.news_submit_done, name="news_submit_done"),
    path("feed/", site_feeds.news_feed, name="news_feed"),
    path("sitemap.xml", site_feeds.news_sitemap, name="news_sitemap"),
]
