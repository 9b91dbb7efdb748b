"""Dashboard home, the village checklist, the profile and the look (logo and colour)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balai.villages import selectors, services
from balai.villages.forms import LookForm, ProfileForm
from balai.villages.models import Membership
from balai.villages.permissions import village_role_required
from balai.villages.requests import SignedInRequest, VillageRequest
from balai.villages.worklist import MENTOR, WorkScope, work_counts


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    """The villages this person can act in; one village only → straight to it."""
    user = request.user
    memberships = selectors.memberships_for(user)
    watches_kecamatan = user.kecamatan_roles.exists()
    mentored = tuple(m.village_id for m in memberships if m.role == Membership.Role.MENTOR)
    # A mentor lands here, on what waits in their villages, even with one village.
    if (
        len(memberships) == 1
        and not mentored
        and not user.is_district_admin
        and not watches_kecamatan
    ):
        return redirect("dashboard:village", slug=memberships[0].village.slug)
    # A Lapak seller is no village member: their place is their own shop pages.
    seller = getattr(user, "market_seller", None)
    if seller is not None and not memberships and not user.is_district_admin:
        return redirect("market_dashboard:seller_home", slug=seller.village.slug)
    query = request.GET.get("q", "").strip()
    ctx = {
        "work": work_counts(WorkScope(MENTOR, village_ids=mentored)) if mentored else None,
        "memberships": memberships,
        "watches_kecamatan": watches_kecamatan,
        "query": query,
        "results": selectors.village_search(query) if user.is_district_admin and query else None,
    }
    return render(request, "villages/dashboard/home.html", ctx)


@village_role_required("view")
def village(request: VillageRequest) -> HttpResponse:
    checklist = selectors.site_checklist(request.village)
    done = sum(item.done for item in checklist)
    ctx = {"checklist": checklist, "done": done, "total": len(checklist)}
    return render(request, "villages/dashboard/village.html", ctx)


@village_role_required("profile")
def profile(request: VillageRequest) -> HttpResponse:
    village = request.village
    form = ProfileForm(request.POST or None, instance=village)
    if request.method == "POST" and form.is_valid():
        # The form wrote onto the instance; compare against a fresh copy to see what changed.
        village.refresh_from_db(fields=list(form.cleaned_data))
        services.village_profile_update(village=village, actor=request.user, data=form.cleaned_data)
        messages.success(request, _("Profil desa tersimpan. Situs desa sudah diperbarui."))
        return redirect("dashboard:village", slug=village.slug)
    return render(request, "villages/dashboard/profile.html", {"form": form})


@village_role_required("profile")
def look(request: VillageRequest) -> HttpResponse:
    village = request.village
    initial = {"primary_color": village.primary_color}
    form = LookForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.village_look_update(
            village=village,
            actor=request.user,
            primary_color=form.cleaned_data["primary_color"],
            logo=form.cleaned_data["logo"],
            remove_logo=form.cleaned_data["remove_logo"],
        )
        messages.success(request, _("Tampilan situs tersimpan."))
        return redirect("dashboard:look", slug=village.slug)
    return render(request, "villages/dashboard/look.html", {"form": form})
