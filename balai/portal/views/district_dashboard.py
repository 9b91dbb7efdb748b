"""The district admin dashboard (/dasbor/kabupaten/…) and the kecamatan dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.accounts.models import User
from balai.audit.selectors import audit_entries
from balai.lib.pagination import paginate
from balai.portal import forms, selectors, services
from balai.regions.selectors import kecamatan_list
from balai.villages.models import Membership, Village
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest
from balai.villages.worklist import DISTRICT, KECAMATAN, WorkScope, work_counts


@district_admin_required
def home(request: SignedInRequest) -> HttpResponse:
    ctx = {
        "work": work_counts(WorkScope(DISTRICT)),
        "summary": selectors.district_summary(),
        "applications": selectors.open_applications()[:10],
        "entries": audit_entries()[:10],
    }
    return render(request, "portal/district_dashboard/home.html", ctx)


@district_admin_required
def villages(request: SignedInRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in Village.Status.values else ""
    kecamatan = request.GET.get("kecamatan", "")
    options = list(kecamatan_list())
    kecamatan = kecamatan if kecamatan in {k.code for k in options} else ""
    ctx = {
        "villages": selectors.district_villages(status=status, kecamatan=kecamatan),
        "status_options": Village.Status.choices,
        "kecamatan_options": options,
        "chosen_status": status,
        "chosen_kecamatan": kecamatan,
    }
    return render(request, "portal/district_dashboard/villages.html", ctx)


def _village(slug: str) -> Village:
    return get_object_or_404(Village.objects.select_related("region", "region__parent"), slug=slug)


def _village_page(
    request: SignedInRequest, village: Village, status: int = 200, **forms_
) -> HttpResponse:
    members = Membership.objects.for_village(village).select_related("user").order_by("role")
    ctx = {
        "v": village,
        "members": members,
        "domains": village.domains.order_by("-is_primary", "domain"),
        "status_form": forms_.get("status_form")
        or forms.VillageStatusForm(
            initial={"status": village.status, "reason": village.suspended_reason}
        ),
        "mentor_form": forms_.get("mentor_form") or forms.MentorForm(),
        "domain_form": forms_.get("domain_form") or forms.DomainForm(),
    }
    return render(request, "portal/district_dashboard/village.html", ctx, status=status)


@district_admin_required
def village(request: SignedInRequest, slug: str) -> HttpResponse:
    return _village_page(request, _village(slug))


@district_admin_required
@require_POST
def village_status(request: SignedInRequest, slug: str) -> HttpResponse:
    village = _village(slug)
    form = forms.VillageStatusForm(request.POST)
    if not form.is_valid():
        return _village_page(request, village, 400, status_form=form)
    services.village_status_set(
        village=village,
        status=form.cleaned_data["status"],
        reason=form.cleaned_data["reason"],
        actor=request.user,
    )
    messages.success(
        request, _("Status situs diubah menjadi %(s)s.") % {"s": village.get_status_display()}
    )
    return redirect("district:village", slug=village.slug)


@district_admin_required
@require_POST
def village_mentor_add(request: SignedInRequest, slug: str) -> HttpResponse:
    village = _village(slug)
    form = forms.MentorForm(request.POST)
    if form.is_valid():
        try:
            services.village_mentor_assign(
                village=village, user=form.cleaned_data["email"], actor=request.user
            )
        except services.DistrictError as exc:
            form.add_error("email", str(exc))
    if form.errors:
        return _village_page(request, village, 400, mentor_form=form)
    messages.success(request, _("Pendamping ditambahkan."))
    return redirect("district:village", slug=village.slug)


@district_admin_required
@require_POST
def village_mentor_remove(request: SignedInRequest, slug: str, user_id: int) -> HttpResponse:
    village = _village(slug)
    user = get_object_or_404(User, pk=user_id)
    services.village_mentor_unassign(village=village, user=user, actor=request.user)
    messages.success(request, _("Pendamping dilepas dari desa ini."))
    return redirect("district:village", slug=village.slug)


@district_admin_required
@require_POST
def village_domain_add(request: SignedInRequest, slug: str) -> HttpResponse:
    village = _village(slug)
    form = forms.DomainForm(request.POST)
    if form.is_valid():
        try:
            services.village_domain_add(
                village=village, domain=form.cleaned_data["domain"], actor=request.user
            )
        except services.DistrictError as exc:
            form.add_error("domain", str(exc))
    if form.errors:
        return _village_page(request, village, 400, domain_form=form)
    messages.success(request, _("Domain ditambahkan."))
    return redirect("district:village", slug=village.slug)


@district_admin_required
@require_POST
def village_domain_remove(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    village = _village(slug)
    services.village_domain_remove(village=village, domain_id=pk, actor=request.user)
    messages.success(request, _("Domain dihapus."))
    return redirect("district:village", slug=village.slug)


@district_admin_required
def audit(request: SignedInRequest) -> HttpResponse:
    options = Village.objects.select_related("region").order_by("region__name")
    chosen = next((v for v in options if v.slug == request.GET.get("desa")), None)
    page = paginate(request, audit_entries(village=chosen), 50)
    ctx = {"page": page, "village_options": options, "chosen": chosen}
    return render(request, "portal/district_dashboard/audit.html", ctx)


def kecamatan(request: SignedInRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    choices = selectors.kecamatan_choices_for(request.user)
    if not choices:
        raise Http404("halaman tidak ditemukan")
    chosen = next((k for k in choices if k.code == request.GET.get("kecamatan")), choices[0])
    ids = tuple(Village.objects.filter(region__parent=chosen).values_list("pk", flat=True))
    ctx = {
        "work": work_counts(WorkScope(KECAMATAN, village_ids=ids, kecamatan=chosen.code)),
        "choices": choices,
        "chosen": chosen,
        "rows": selectors.kecamatan_overview(chosen),
        "profile_total": len(selectors.PROFILE_FIELDS),
    }
    return render(request, "portal/district_dashboard/kecamatan.html", ctx)
