"""Login, logout, password reset and the person's own account page (all on the district host)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from balai.accounts import limits
from balai.accounts.forms import (
    ChangePasswordForm,
    EmailPasswordResetForm,
    LoginForm,
    NewPasswordForm,
    ProfileForm,
)
from balai.accounts.selectors import user_membership_list
from balai.accounts.services import (
    password_reset_request,
    user_password_changed,
    user_update_profile,
)
from balai.lib.net import client_network
from balai.lib.ratelimit import Limit, too_many_message
from balai.villages.requests import SignedInRequest


def safe_next(request: HttpRequest) -> str:
    """The `next` URL when it stays on this host, else an empty string."""
    raw = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(
        raw, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return raw if ok else ""


def _lock_message(seconds: int) -> str:
    minutes = Limit(0, seconds).minutes
    return ngettext(
        "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam %(minutes)d "
        "menit, atau atur ulang kata sandi Anda.",
        "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam %(minutes)d "
        "menit, atau atur ulang kata sandi Anda.",
        minutes,
    ) % {"minutes": minutes}


@sensitive_post_parameters("password")
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = limits.normalize_email(form.cleaned_data["email"])
        client = client_network(request)
        wait = limits.login_wait(email=email, client=client)
        user = None
        if not wait:
            user = authenticate(request, email=email, password=form.cleaned_data["password"])
        if user is not None:
            login(request, user)  # rotates the session key: no session fixation
            limits.login_failures_clear(email=email)
            request.session.set_expiry(
                settings.SESSION_COOKIE_AGE if form.cleaned_data["remember"] else 0
            )
            return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
        if not wait:
            limits.login_failure_record(email=email, client=client)
            wait = limits.login_wait(email=email, client=client)
        # One message whether or not the email has an account.
        form.add_error(None, _lock_message(wait) if wait else _("Email atau kata sandi salah."))
        status = 429 if wait else 200
    context = {"form": form, "next": next_url}
    return render(request, "accounts/district/login.html", context, status=status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    logout(request)
    messages.info(request, _("Anda sudah keluar."))
    return redirect(next_url or resolve_url(settings.LOGOUT_REDIRECT_URL))


@login_required
def account(request: SignedInRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_update_profile(
            user=request.user, name=form.cleaned_data["name"], phone=form.cleaned_data["phone"]
        )
        messages.success(request, _("Data akun Anda sudah disimpan."))
        return redirect("accounts:account")
    memberships = user_membership_list(user=request.user)
    return render(
        request, "accounts/district/account.html", {"form": form, "memberships": memberships}
    )


@sensitive_post_parameters()
@login_required
def password_change(request: SignedInRequest) -> HttpResponse:
    form = ChangePasswordForm(user=request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)  # stay logged in here, out everywhere else
        user_password_changed(user=user)
        messages.success(request, _("Kata sandi Anda sudah diganti."))
        return redirect("accounts:account")
    return render(request, "accounts/district/password_change.html", {"form": form})


def password_reset(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link. The answer is the same page whether or not the address has an
    account, and takes the same time: the e-mail is sent by the worker (services)."""
    form = EmailPasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if limits.password_reset_client_refused(client=client_network(request)):
            form.add_error(None, too_many_message(limits.RESET_PER_CLIENT))
            context = {"form": form}
            return render(
                request, "accounts/district/password_reset_form.html", context, status=429
            )
        password_reset_request(email=form.cleaned_data["email"])
        return redirect("accounts:password_reset_done")
    return render(request, "accounts/district/password_reset_form.html", {"form": form})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/district/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        # Whoever can read the mailbox may log in again at once, even after a lockout.
        limits.login_failures_clear(email=form.user.email)
        user_password_changed(user=form.user)
        return response
