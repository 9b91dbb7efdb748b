from __future__ import annotations

from django.urls import path

from balai.legal.views import dashboard

app_name = "legal_dashboard"
urlpatterns = [
    path("", dashboard.act_list, name="list"),
    path("tambah/", dashboard.act_add, name="add"),
    path("<int:pk>/", dashboard.act_edit, name="edit"),
    path("<int:pk>/hapus/", dashboard.act_delete, name="delete"),
]
