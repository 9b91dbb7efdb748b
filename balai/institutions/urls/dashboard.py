from __future__ import annotations

from django.urls import path

from balai.institutions.views import dashboard, dashboard_members

app_name = "institutions_dashboard"
urlpatterns = [
    path("", dashboard.institution_list, name="list"),
    path("tambah/", dashboard.institution_add, name="add"),
    path("<int:pk>/", dashboard.institution_detail, name="detail"),
    path("<int:pk>/ubah/", dashboard.institution_edit, name="edit"),
    path("<int:pk>/hapus/", dashboard.institution_delete, name="delete"),
    path("<int:pk>/kegiatan/", dashboard.institution_activities, name="activities"),
    path("<int:pk>/pengurus/tambah/", dashboard_members.member_add, name="member_add"),
    path("<int:pk>/pengurus/<int:member_pk>/", dashboard_members.member_edit, name="member_edit"),
    path(
        "<int:pk>/pengurus/<int:member_pk>/hapus/",
        dashboard_members.member_delete,
        name="member_delete",
    ),
    path(
        "<int:pk>/pengurus/<int:member_pk>/pindah/",
        dashboard_members.member_move,
        name="member_move",
    ),
]
