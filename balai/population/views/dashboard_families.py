"""A family (Kartu Keluarga) on the dashboard: its members, splitting it, changing its head."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.population.access import register_required
from balai.population.family_services import FamilyError, family_head_change, family_split
from balai.population.forms import HeadForm, SplitForm
from balai.population.models import Family
from balai.villages.requests import VillageRequest


def _family(request: VillageRequest, pk: int) -> Family:
    qs = Family.objects.for_village(request.village).select_related("area")
    return get_object_or_404(qs, pk=pk)


@register_required
def family_detail(request: VillageRequest, pk: int) -> HttpResponse:
    family = _family(request, pk)
    audit_record(
        actor=request.user,
        village=request.village,
        action="population.family_view",
        target=f"keluarga {family.pk}",
    )
    members = family.members.order_by("family_relation", "birth_date")
    return render(
        request, "population/dashboard/family.html", {"family": family, "members": members}
    )


def _done(request: VillageRequest, family: Family, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("population_dashboard:family", slug=request.village.slug, pk=family.pk)


@register_required
def family_split_view(request: VillageRequest, pk: int) -> HttpResponse:
    family = _family(request, pk)
    form = SplitForm(request.POST or None, family=family)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = family_split(
                village=request.village,
                family=family,
                members=list(data["members"]),
                number=data["number"],
                head=data["head"],
                user=request.user,
            )
        except FamilyError as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, new, _("KK baru tercatat."))
    return render(
        request,
        "population/dashboard/family_form.html",
        {"form": form, "family": family, "title": _("Pecah KK")},
    )


@register_required
def family_head_view(request: VillageRequest, pk: int) -> HttpResponse:
    family = _family(request, pk)
    form = HeadForm(request.POST or None, family=family)
    if request.method == "POST" and form.is_valid():
        try:
            family_head_change(
                village=request.village, family=family, user=request.user, **form.cleaned_data
            )
        except FamilyError as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, family, _("Kepala keluarga diganti."))
    return render(
        request,
        "population/dashboard/family_form.html",
        {"form": form, "family": family, "title": _("Ganti kepala keluarga")},
    )
