"""Login, password reset, the account page and invitations, at the root of the district host."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from balai.accounts.views import district as views
from balai.accounts.views import district_invitations as invitation_views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.login_view, name="login"),
    path("keluar/", views.logout_view, name="logout"),
    path("masuk/lupa-sandi/", views.password_reset, name="password_reset"),
    path(
        "masuk/lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/district/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "masuk/sandi-baru/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "masuk/sandi-baru/selesai/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/district/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("akun/", views.account, name="account"),
    path("akun/sandi/", views.password_change, name="password_change"),
    path("undangan/<str:token>/", invitation_views.invitation, name="invitation"),
]
