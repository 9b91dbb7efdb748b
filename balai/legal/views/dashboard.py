"""The village dashboard's legal acts register: list, add, edit, delete. Kept by the village's
admins and mentors (area `profile`: the register is the village government's, not news);
every save and delete is audit-logged."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.legal import selectors, services
from balai.legal.forms import LegalActForm
from balai.legal.models import LegalAct
from balai.lib.pagination import paginate
from balai.villages.permissions import desa_only, village_role_required
from balai.villages.requests import VillageRequest

AREA = "profile"


def _to_list(request: VillageRequest) -> HttpResponse:
    return redirect(reverse("legal_dashboard:list", kwargs={"slug": request.village.slug}))


@village_role_required(AREA)
@desa_only("legal/dashboard/kelurahan.html")
def act_list(request: VillageRequest) -> HttpResponse:
    filters = selectors.filters_from(request.GET.dict())
    acts = selectors.act_search(LegalAct.objects.for_village(request.village), filters)
    ctx = {
        "page": paginate(request, acts.select_related("target"), 30),
        "filters": filters,
        "kinds": LegalAct.Kind.choices,
        "has_public": selectors.public_acts(request.village).exists(),
    }
    return render(request, "legal/dashboard/list.html", ctx)


def _edit(request: VillageRequest, act: LegalAct) -> HttpResponse:
    previous_target = act.target_id
    form = LegalActForm(request.POST or None, request.FILES or None, instance=act)
    if request.method == "POST" and form.is_valid():
        try:
            services.act_save(
                act=form.instance, actor=request.user, previous_target_id=previous_target
            )
        except services.LegalError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(act)s tersimpan.") % {"act": act.citation})
            return _to_list(request)
    return render(request, "legal/dashboard/form.html", {"form": form, "act": act}, status=200)


@village_role_required(AREA)
@desa_only()
def act_add(request: VillageRequest) -> HttpResponse:
    return _edit(request, LegalAct(village=request.village))


@village_role_required(AREA)
@desa_only()
def act_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(LegalAct.objects.for_village(request.village), pk=pk))


@village_role_required(AREA)
@desa_only()
@require_POST
def act_delete(request: VillageRequest, pk: int) -> HttpResponse:
    act = get_object_or_404(LegalAct.objects.for_village(request.village), pk=pk)
    try:
        services.act_delete(act=act, actor=request.user)
    except services.LegalError as exc:
        messages.error(request, str(exc))
        return redirect(
            reverse("legal_dashboard:edit", kwargs={"slug": request.village.slug, "pk": act.pk})
        )
    messages.success(request, _("%(act)s dihapus.") % {"act": act.citation})
    return _to_list(request)
