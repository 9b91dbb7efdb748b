"""The PPID profile, the DIP, serta-merta notices and the register exports on the dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.disclosure import exports, selectors, services
from balai.disclosure.forms import DipItemForm, NoticeForm, ProfileForm
from balai.disclosure.models import DipItem, EmergencyNotice
from balai.disclosure.views.dashboard import AREA, _to
from balai.villages.permissions import desa_only, village_role_required
from balai.villages.requests import VillageRequest


def _site_reverse(village):
    def reverse_page(name: str, **kwargs: str) -> str:
        return reverse(f"site:{name}", kwargs={"village_slug": village.slug, **kwargs})

    return reverse_page


@village_role_required(AREA)
@desa_only()
def profile(request: VillageRequest) -> HttpResponse:
    instance = selectors.profile_for(request.village)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.ppid_profile_save(profile=form.instance, actor=request.user)
        messages.success(request, _("Profil PPID tersimpan."))
        return _to(request, "profile")
    return render(request, "disclosure/dashboard/profile.html", {"form": form})


@village_role_required(AREA)
@desa_only()
def dip(request: VillageRequest) -> HttpResponse:
    village = request.village
    this_year = timezone.localdate().year
    services.dip_seed(village=village, year=this_year)
    try:
        year = int(request.GET.get("tahun", this_year))
    except ValueError:
        year = this_year
    rows = selectors.dip_rows(village, year, _site_reverse(village))
    done, total = selectors.dip_completeness(rows)
    ctx = {
        "rows": rows,
        "year": year,
        "years": sorted({*selectors.dip_years(village), this_year}, reverse=True),
        "done": done,
        "total": total,
        "missing": [r for r in rows if r.is_missing],
    }
    return render(request, "disclosure/dashboard/dip.html", ctx)


@village_role_required(AREA)
@desa_only()
@require_POST
def dip_seed(request: VillageRequest) -> HttpResponse:
    try:
        year = int(request.POST.get("tahun", ""))
    except ValueError:
        year = timezone.localdate().year
    added = services.dip_seed(village=request.village, year=year)
    messages.success(request, _("%(n)s butir daftar periksa ditambahkan.") % {"n": added})
    return redirect(
        reverse("disclosure_dashboard:dip", kwargs={"slug": request.village.slug})
        + f"?tahun={year}"
    )


def _dip_edit(request: VillageRequest, item: DipItem) -> HttpResponse:
    form = DipItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.dip_item_save(item=form.instance, actor=request.user)
        messages.success(request, _("Butir DIP tersimpan."))
        return redirect(
            reverse("disclosure_dashboard:dip", kwargs={"slug": request.village.slug})
            + f"?tahun={item.year}"
        )
    return render(request, "disclosure/dashboard/dip_form.html", {"form": form, "item": item})


@village_role_required(AREA)
@desa_only()
def dip_add(request: VillageRequest) -> HttpResponse:
    return _dip_edit(request, DipItem(village=request.village, year=timezone.localdate().year))


@village_role_required(AREA)
@desa_only()
def dip_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _dip_edit(
        request, get_object_or_404(DipItem.objects.for_village(request.village), pk=pk)
    )


@village_role_required(AREA)
@desa_only()
@require_POST
def dip_delete(request: VillageRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(DipItem.objects.for_village(request.village), pk=pk)
    services.dip_item_delete(item=item, actor=request.user)
    messages.success(request, _("Butir DIP dihapus."))
    return _to(request, "dip")


@village_role_required(AREA)
@desa_only()
def notices(request: VillageRequest) -> HttpResponse:
    form = NoticeForm(request.POST or None, instance=EmergencyNotice(village=request.village))
    if request.method == "POST" and form.is_valid():
        services.notice_publish(notice=form.instance, actor=request.user)
        messages.success(request, _("Informasi serta-merta tayang di semua halaman situs desa."))
        return _to(request, "notices")
    rows = list(EmergencyNotice.objects.for_village(request.village))
    return render(request, "disclosure/dashboard/notices.html", {"form": form, "notices": rows})


@village_role_required(AREA)
@desa_only()
@require_POST
def notice_end(request: VillageRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(EmergencyNotice.objects.for_village(request.village), pk=pk)
    services.notice_end(notice=notice, actor=request.user)
    messages.success(request, _("Informasi serta-merta diakhiri."))
    return _to(request, "notices")


@village_role_required(AREA)
@desa_only()
def register_export(request: VillageRequest, kind: str, fmt: str) -> HttpResponse:
    if kind not in exports.REGISTERS or fmt not in exports.FORMATS:
        raise Http404("register tidak dikenal")
    text = request.GET.get("tahun", "")
    year = int(text) if text.isdigit() else None
    response = exports.register_response(village=request.village, kind=kind, fmt=fmt, year=year)
    audit_record(
        actor=request.user,
        action="ppid.register_export",
        target=f"{kind}.{fmt}",
        village=request.village,
    )
    return response
