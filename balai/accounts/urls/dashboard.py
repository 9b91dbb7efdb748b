"""Members and invitations of one village, mounted at /dasbor/<slug>/anggota/."""

from __future__ import annotations

from django.urls import path

from balai.accounts.views import dashboard as member_views

app_name = "members"
urlpatterns = [
    path("", member_views.member_list_view, name="list"),
    path("undang/", member_views.member_invite_view, name="invite"),
    path("undangan/<int:pk>/cabut/", member_views.invitation_revoke_view, name="revoke"),
    path("<int:pk>/", member_views.member_edit_view, name="edit"),
    path("<int:pk>/keluarkan/", member_views.member_remove_view, name="remove"),
]
