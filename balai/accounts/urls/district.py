"""Login, password reset, the account page and invitations, at the root of the district host."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from balai.accounts.views import district, district_invitations

app_name = "accounts"
urlpatterns = [
    path("masuk/", district.login_view, name="login"),
    path("keluar/", district.logout_view, name="logout"),
    path("masuk/lupa-sandi/", district.password_reset, name="password_reset"),
    path(
        "masuk/lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/district/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "masuk/sandi-baru/<uidb64>/<token>/",
        district.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "masuk/sandi-baru/selesai/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/district/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("akun/", district.account, name="account"),
    path("akun/sandi/", district.password_change, name="password_change"),
    path("undangan/<str:token>/", district_invitations.invitation, name="invitation"),
]
