"""An institution's board on the village dashboard: add, edit, delete and reorder members."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.institutions import services
from balai.institutions.forms import POSITION_SUGGESTIONS, MemberForm
from balai.institutions.models import Institution, Member
from balai.institutions.views.dashboard import AREA, institution_for
from balai.villages.permissions import can, village_role_required
from balai.villages.requests import VillageRequest


def _member(request: VillageRequest, institution: Institution, member_pk: int) -> Member:
    found = Member.objects.for_village(request.village).filter(institution=institution)
    return get_object_or_404(found.select_related("resident"), pk=member_pk)


def _back(request: VillageRequest, institution: Institution) -> HttpResponse:
    return redirect("institutions_dashboard:detail", slug=request.village.slug, pk=institution.pk)


def _edit(request: VillageRequest, institution: Institution, member: Member) -> HttpResponse:
    register = can(request.user, request.village, "personal")
    form = MemberForm(
        request.POST or None,
        request.FILES or None,
        instance=member,
        village=request.village,
        register=register,
    )
    if request.method == "POST" and form.is_valid():
        before = member.resident_id
        if form.resident is not None:
            member.resident = form.resident
        elif form.cleaned_data.get("unlink"):
            member.resident = None
        services.member_save(
            village=request.village,
            member=form.instance,
            actor=request.user,
            photo=form.cleaned_data["photo"],
            remove_photo=form.cleaned_data["remove_photo"],
            resident_changed=member.resident_id != before,
        )
        messages.success(request, _("%(name)s tersimpan.") % {"name": member.name})
        return _back(request, institution)
    ctx = {
        "form": form,
        "institution": institution,
        "member": member,
        "register": register,
        "suggestions": POSITION_SUGGESTIONS,
    }
    return render(request, "institutions/dashboard/member_form.html", ctx)


@village_role_required(AREA)
def member_add(request: VillageRequest, pk: int) -> HttpResponse:
    institution = institution_for(request, pk)
    return _edit(request, institution, Member(village=request.village, institution=institution))


@village_role_required(AREA)
def member_edit(request: VillageRequest, pk: int, member_pk: int) -> HttpResponse:
    institution = institution_for(request, pk)
    return _edit(request, institution, _member(request, institution, member_pk))


@village_role_required(AREA)
def member_delete(request: VillageRequest, pk: int, member_pk: int) -> HttpResponse:
    institution = institution_for(request, pk)
    member = _member(request, institution, member_pk)
    if request.method == "POST":
        services.member_delete(village=request.village, member=member, actor=request.user)
        messages.success(request, _("%(name)s dihapus dari pengurus.") % {"name": member.name})
        return _back(request, institution)
    ctx = {"institution": institution, "member": member}
    return render(request, "institutions/dashboard/member_delete.html", ctx)


@village_role_required(AREA)  # first: outsiders get 404 even for a GET
@require_POST
def member_move(request: VillageRequest, pk: int, member_pk: int) -> HttpResponse:
    institution = institution_for(request, pk)
    member = _member(request, institution, member_pk)
    direction = "up" if request.POST.get("arah") == "naik" else "down"
    services.member_move(village=request.village, member=member, direction=direction)
    return _back(request, institution)
