"""/undangan/<token>/: a new person sets a name and password; an existing one accepts.

The token is the only credential, so GET never consumes it (link previews in WhatsApp open
it); only the POST does. The account always has the invitation's email.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from balai.accounts.forms import InvitationSignupForm
from balai.accounts.models import Invitation, User
from balai.accounts.selectors import invitation_by_token, user_by_email
from balai.accounts.services import (
    InvitationUnusable,
    MembershipError,
    invitation_accept,
    invitation_accept_new_user,
)


def _gone(request: HttpRequest, invitation: Invitation | None) -> HttpResponse:
    status = 404 if invitation is None else 410
    return render(
        request, "accounts/district/invitation_gone.html", {"invitation": invitation}, status=status
    )


def _welcome(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(
        request,
        _("Selamat datang! Anda sekarang %(role)s di %(village)s.")
        % {"role": invitation.role_label, "village": invitation.village.display_name},
    )
    return redirect("dashboard:village", slug=invitation.village.slug)


@sensitive_post_parameters("password1", "password2")
@never_cache
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_by_token(token)
    if invitation is None or not invitation.is_usable:
        return _gone(request, invitation)
    existing = user_by_email(invitation.email)
    if request.user.is_authenticated and request.user != existing:
        # Logged in as someone else: the invitation belongs to its email, not to this session.
        context = {"invitation": invitation, "signed_in_as_someone_else": True}
        return render(request, "accounts/district/invitation_accept.html", context)
    if existing is not None:
        return _accept_existing(request, invitation, existing)
    form = InvitationSignupForm(
        request.POST or None, email=invitation.email, initial={"name": invitation.name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept_new_user(
                invitation=invitation,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
            )
        except InvitationUnusable:
            return redirect(request.path)  # used or an account appeared meanwhile: look again
        login(request, user)
        return _welcome(request, invitation)
    context = {"invitation": invitation, "form": form}
    return render(request, "accounts/district/invitation_signup.html", context)


def _accept_existing(request: HttpRequest, invitation: Invitation, user: User) -> HttpResponse:
    error = ""
    if request.method == "POST" and request.user.is_authenticated:
        try:
            invitation_accept(invitation=invitation, user=user)
        except InvitationUnusable:
            return redirect(request.path)
        except MembershipError as exc:
            error = str(exc)
        else:
            return _welcome(request, invitation)
    must_log_in = not request.user.is_authenticated
    context = {"invitation": invitation, "must_log_in": must_log_in, "error": error}
    return render(request, "accounts/district/invitation_accept.html", context)
