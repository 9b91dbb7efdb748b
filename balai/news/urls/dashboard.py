"""The news section of a village dashboard, at /dasbor/<slug>/berita/."""

from __future__ import annotations

from django.urls import path

from balai.news.views import dashboard, dashboard_community, dashboard_gallery

app_name = "news_dashboard"
urlpatterns = [
    path("", dashboard.article_list, name="list"),
    path("tulis/", dashboard.article_add, name="add"),
    path("<int:pk>/", dashboard.article_edit, name="edit"),
    path("<int:pk>/terbitkan/", dashboard.article_publish, name="publish"),
    path("<int:pk>/pratinjau/", dashboard.article_preview, name="preview"),
    path("<int:pk>/status/", dashboard.article_status, name="status"),
    path("<int:pk>/hapus/", dashboard.article_delete, name="delete"),
    path("<int:pk>/riwayat/", dashboard.article_revisions, name="revisions"),
    path("<int:pk>/riwayat/<int:rev>/pulihkan/", dashboard.article_restore, name="restore"),
    path("kategori/", dashboard.categories, name="categories"),
    path("foto/<int:pk>/", dashboard.image_status, name="image_status"),
    path("kiriman/", dashboard_community.submissions, name="submissions"),
    path("kiriman/<int:pk>/", dashboard_community.submission_detail, name="submission"),
    path(
        "kiriman/<int:pk>/tolak/", dashboard_community.submission_decline, name="submission_decline"
    ),
    path("komentar/", dashboard_community.comments, name="comments"),
    path("komentar/<int:pk>/", dashboard_community.comment_moderate, name="comment_moderate"),
    path("pengaturan/", dashboard_community.news_settings, name="settings"),
    path("agenda/", dashboard_gallery.events, name="events"),
    path("agenda/tambah/", dashboard_gallery.event_add, name="event_add"),
    path("agenda/<int:pk>/", dashboard_gallery.event_edit, name="event_edit"),
    path("agenda/<int:pk>/hapus/", dashboard_gallery.event_delete, name="event_delete"),
    path("galeri/", dashboard_gallery.albums, name="albums"),
    path("galeri/<int:pk>/", dashboard_gallery.album_detail, name="album"),
    path("galeri/<int:pk>/hapus/", dashboard_gallery.album_delete, name="album_delete"),
]
