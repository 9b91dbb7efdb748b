"""The news section of a village dashboard, at /dasbor/<slug>/berita/."""

from __future__ import annotations

from django.urls import path

from balai.news.views import dashboard as views
from balai.news.views import dashboard_community as community
from balai.news.views import dashboard_gallery as gallery

app_name = "news_dashboard"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("tulis/", views.article_add, name="add"),
    path("<int:pk>/", views.article_edit, name="edit"),
    path("<int:pk>/terbitkan/", views.article_publish, name="publish"),
    path("<int:pk>/status/", views.article_status, name="status"),
    path("<int:pk>/hapus/", views.article_delete, name="delete"),
    path("<int:pk>/riwayat/", views.article_revisions, name="revisions"),
    path("<int:pk>/riwayat/<int:rev>/pulihkan/", views.article_restore, name="restore"),
    path("kategori/", views.categories, name="categories"),
    path("foto/<int:pk>/", views.image_status, name="image_status"),
    path("kiriman/", community.submissions, name="submissions"),
    path("kiriman/<int:pk>/", community.submission_detail, name="submission"),
    path("kiriman/<int:pk>/tolak/", community.submission_decline, name="submission_decline"),
    path("komentar/", community.comments, name="comments"),
    path("komentar/<int:pk>/", community.comment_moderate, name="comment_moderate"),
    path("pengaturan/", community.news_settings, name="settings"),
    path("agenda/", gallery.events, name="events"),
    path("agenda/tambah/", gallery.event_add, name="event_add"),
    path("agenda/<int:pk>/", gallery.event_edit, name="event_edit"),
    path("agenda/<int:pk>/hapus/", gallery.event_delete, name="event_delete"),
    path("galeri/", gallery.albums, name="albums"),
    path("galeri/<int:pk>/", gallery.album_detail, name="album"),
    path("galeri/<int:pk>/hapus/", gallery.album_delete, name="album_delete"),
]
