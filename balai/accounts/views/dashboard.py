"""/dasbor/<slug>/anggota/: a village's members and invitations, for its admins and the district.

Mentors are assigned by the district, so here they are shown but never changed.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.accounts.forms import InviteForm, MemberRoleForm
from balai.accounts.models import Invitation
from balai.accounts.selectors import invitation_pending_list, member_list
from balai.accounts.services import (
    MembershipError,
    invitation_revoke,
    invitation_send,
    invitation_url,
    invitation_whatsapp_url,
    member_invite,
    membership_change_role,
    membership_remove,
)
from balai.villages.models import Membership
from balai.villages.permissions import can, membership_cache_clear, village_role_required
from balai.villages.requests import VillageRequest


def _editable_member(request: VillageRequest, pk: int) -> Membership:
    members = Membership.objects.for_village(request.village).exclude(role=Membership.Role.MENTOR)
    return get_object_or_404(members.select_related("user", "village"), pk=pk)


def _back(request: VillageRequest) -> HttpResponse:
    """To the members list, or to the dashboard when the person just gave up that right."""
    membership_cache_clear(request.user)  # the role may have just changed
    if can(request.user, request.village, "members"):
        return redirect("members:list", slug=request.village.slug)
    return redirect("dashboard:home")


@village_role_required("members")
def member_list_view(request: VillageRequest) -> HttpResponse:
    village = request.village
    context = {
        "members": member_list(village=village),
        "invitations": invitation_pending_list(village=village),
    }
    return render(request, "accounts/dashboard/list.html", context)


@village_role_required("members")
def member_invite_view(request: VillageRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = member_invite(
                village=request.village, invited_by=request.user, **form.cleaned_data
            )
        except MembershipError as exc:
            form.add_error("email", str(exc))
        else:
            # The token exists only in this response: shown once, never stored.
            context = {
                "invitation": invitation,
                "link": invitation_url(token),
                "whatsapp_url": invitation_whatsapp_url(invitation=invitation, token=token),
                "emailed": invitation_send(invitation=invitation, token=token),
            }
            return render(request, "accounts/dashboard/invite_sent.html", context)
    context = {"form": form, "invitation_days": settings.INVITATION_DAYS}
    return render(request, "accounts/dashboard/invite.html", context)


@village_role_required("members")  # first: outsiders get 404 even for a GET
@require_POST
def invitation_revoke_view(request: VillageRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.filter(village=request.village), pk=pk)
    invitation_revoke(invitation=invitation, actor=request.user)
    messages.success(
        request, _("Undangan untuk %(email)s sudah dicabut.") % {"email": invitation.email}
    )
    return redirect("members:list", slug=request.village.slug)


@village_role_required("members")
def member_edit_view(request: VillageRequest, pk: int) -> HttpResponse:
    membership = _editable_member(request, pk)
    initial = {
        "role": membership.role,
        "can_publish": membership.can_publish,
        "can_serve": membership.can_serve,
    }
    form = MemberRoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            membership_change_role(membership=membership, actor=request.user, **form.cleaned_data)
        except MembershipError as exc:
            form.add_error("role", str(exc))
        else:
            messages.success(
                request,
                _("Peran %(name)s sekarang %(role)s.")
                % {"name": membership.user.name, "role": membership.get_role_display()},
            )
            return _back(request)
    return render(request, "accounts/dashboard/edit.html", {"membership": membership, "form": form})


@village_role_required("members")
def member_remove_view(request: VillageRequest, pk: int) -> HttpResponse:
    membership = _editable_member(request, pk)
    error = ""
    if request.method == "POST":
        try:
            membership_remove(membership=membership, actor=request.user)
        except MembershipError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                _("%(name)s sudah dikeluarkan dari %(village)s.")
                % {"name": membership.user.name, "village": request.village.display_name},
            )
            return _back(request)
    context = {"membership": membership, "error": error}
    return render(request, "accounts/dashboard/remove.html", context, status=409 if error else 200)
