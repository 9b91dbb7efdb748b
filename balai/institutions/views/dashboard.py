"""Institutions on the village dashboard: list, add, edit, delete, and their activities."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.institutions import selectors, services
from balai.institutions.forms import ActivitiesForm, InstitutionForm
from balai.institutions.models import Institution, Member
from balai.villages.permissions import can, village_role_required
from balai.villages.requests import VillageRequest

AREA = "profile"  # the village's admins and mentors, as for the officials


def institution_for(request: VillageRequest, pk: int) -> Institution:
    return get_object_or_404(Institution.objects.for_village(request.village), pk=pk)


@village_role_required(AREA)
def institution_list(request: VillageRequest) -> HttpResponse:
    rows = selectors.dashboard_institutions(request.village)
    today = timezone.localdate()
    for inst in rows:
        inst.days_left = inst.term_days_left(today)  # type: ignore[attr-defined]
        inst.term_ending = selectors.term_ending(inst, today)  # type: ignore[attr-defined]
    ctx = {"groups": selectors.institutions_by_kind(rows), "count": len(rows)}
    return render(request, "institutions/dashboard/list.html", ctx)


def _edit(request: VillageRequest, institution: Institution) -> HttpResponse:
    form = InstitutionForm(request.POST or None, request.FILES or None, instance=institution)
    if request.method == "POST" and form.is_valid():
        saved = services.institution_save(
            village=request.village,
            institution=form.instance,
            logo=form.cleaned_data["logo"],
            remove_logo=form.cleaned_data["remove_logo"],
        )
        messages.success(request, _("%(name)s tersimpan.") % {"name": saved.name})
        return redirect("institutions_dashboard:detail", slug=request.village.slug, pk=saved.pk)
    ctx = {"form": form, "institution": institution}
    return render(request, "institutions/dashboard/form.html", ctx)


@village_role_required(AREA)
def institution_add(request: VillageRequest) -> HttpResponse:
    return _edit(request, Institution(village=request.village))


@village_role_required(AREA)
def institution_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _edit(request, institution_for(request, pk))


@village_role_required(AREA)
def institution_detail(request: VillageRequest, pk: int) -> HttpResponse:
    institution = institution_for(request, pk)
    members = list(
        Member.objects.for_village(request.village)
        .filter(institution=institution)
        .select_related("resident")
    )
    today = timezone.localdate()
    ctx = {
        "institution": institution,
        "members": members,
        "register": can(request.user, request.village, "personal"),
        "activities": list(institution.articles.order_by("-publish_at", "-id")),
        "days_left": institution.term_days_left(today),
        "term_ending": selectors.term_ending(institution, today),
    }
    return render(request, "institutions/dashboard/detail.html", ctx)


@village_role_required(AREA)
def institution_delete(request: VillageRequest, pk: int) -> HttpResponse:
    institution = institution_for(request, pk)
    if request.method == "POST":
        services.institution_delete(
            village=request.village, institution=institution, actor=request.user
        )
        messages.success(request, _("%(name)s dihapus.") % {"name": institution.name})
        return redirect("institutions_dashboard:list", slug=request.village.slug)
    count = Member.objects.for_village(request.village).filter(institution=institution).count()
    ctx = {"institution": institution, "member_count": count}
    return render(request, "institutions/dashboard/delete.html", ctx)


@village_role_required(AREA)
def institution_activities(request: VillageRequest, pk: int) -> HttpResponse:
    institution = institution_for(request, pk)
    # Unticking every box posts nothing but the token: still a submission that clears the list.
    data = request.POST if request.method == "POST" else None
    form = ActivitiesForm(data, institution=institution)
    if request.method == "POST" and form.is_valid():
        chosen = [a.pk for a in form.cleaned_data["articles"]]
        count = services.institution_activities_set(
            village=request.village, institution=institution, article_ids=chosen
        )
        messages.success(request, _("%(n)d berita kegiatan tertaut.") % {"n": count})
        return redirect("institutions_dashboard:detail", slug=request.village.slug, pk=pk)
    ctx = {"institution": institution, "form": form}
    return render(request, "institutions/dashboard/activities.html", ctx)
