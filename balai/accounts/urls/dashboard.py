"""Members and invitations of one village, mounted at /dasbor/<slug>/anggota/."""

from __future__ import annotations

from django.urls import path

from balai.accounts.views import dashboard

app_name = "members"
urlpatterns = [
    path("", dashboard.member_list_view, name="list"),
    path("undang/", dashboard.member_invite_view, name="invite"),
    path("undangan/<int:pk>/cabut/", dashboard.invitation_revoke_view, name="revoke"),
    path("<int:pk>/", dashboard.member_edit_view, name="edit"),
    path("<int:pk>/keluarkan/", dashboard.member_remove_view, name="remove"),
]
