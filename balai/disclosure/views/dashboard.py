"""The village's PPID desk: the request queue on the clock, answering, objections, the PPID
profile and DIP, serta-merta notices. Village admins only (area "disclosure")."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.disclosure import selectors, services
from balai.disclosure.forms import (
    DecideForm,
    ExtendForm,
    ObjectionDecideForm,
    StaffRequestForm,
)
from balai.disclosure.models import InfoRequest, Objection
from balai.disclosure.notifications import request_whatsapp_link
from balai.villages.permissions import desa_only, village_role_required
from balai.villages.requests import VillageRequest

AREA = "disclosure"


def _request(request: VillageRequest, pk: int) -> InfoRequest:
    return get_object_or_404(InfoRequest.objects.for_village(request.village), pk=pk)


def _to(request: VillageRequest, name: str, **kw) -> HttpResponse:
    return redirect(f"disclosure_dashboard:{name}", slug=request.village.slug, **kw)


@village_role_required(AREA)
@desa_only("disclosure/dashboard/kelurahan.html")
def index(request: VillageRequest) -> HttpResponse:
    village = request.village
    services.dip_seed(village=village, year=services.today().year)  # a new site's checklist
    ctx = {
        "queue": selectors.request_queue(village, today=services.today()),
        "objections": selectors.open_objections(village),
        "answered": selectors.answered_requests(village, limit=20),
        "emergency": selectors.active_emergency(village),
        "warn_days": selectors.WARN_DAYS,
    }
    return render(request, "disclosure/dashboard/index.html", ctx)


@village_role_required(AREA)
@desa_only()
def request_add(request: VillageRequest) -> HttpResponse:
    form = StaffRequestForm(request.POST or None, initial={"received_on": services.today()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        channel, received = data.pop("channel"), data.pop("received_on")
        info = services.request_submit(
            village=request.village,
            data=data,
            channel=channel,
            received_on=received,
            actor=request.user,
        )
        messages.success(request, _("Permohonan %(n)s dicatat.") % {"n": info.number})
        return _to(request, "request", pk=info.pk)
    return render(request, "disclosure/dashboard/request_add.html", {"form": form})


@village_role_required(AREA)
@desa_only()
def request_detail(request: VillageRequest, pk: int) -> HttpResponse:
    info = _request(request, pk)
    # The requester's identity is personal data: each look at it is logged.
    audit_record(
        actor=request.user, action="ppid.request_view", target=info.number, village=request.village
    )
    ctx = {
        "info": info,
        "objections": list(info.objections.all()),
        "extend_form": ExtendForm(),
        "decide_form": DecideForm(),
        "wa_link": request_whatsapp_link(
            info=info, kind="decided" if info.decision else "received"
        ),
        "today": services.today(),
    }
    return render(request, "disclosure/dashboard/request_detail.html", ctx)


@village_role_required(AREA)
@desa_only()
@require_POST
def request_extend(request: VillageRequest, pk: int) -> HttpResponse:
    info = _request(request, pk)
    form = ExtendForm(request.POST)
    if form.is_valid():
        try:
            services.request_extend(
                info=info, reason=form.cleaned_data["reason"], actor=request.user
            )
            messages.success(
                request,
                _("Batas jawaban diperpanjang sampai %(d)s.")
                % {"d": info.due_on.strftime("%d-%m-%Y")},
            )
        except services.DisclosureError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Tulis alasan perpanjangan."))
    return _to(request, "request", pk=info.pk)


@village_role_required(AREA)
@desa_only()
def request_decide(request: VillageRequest, pk: int) -> HttpResponse:
    info = _request(request, pk)
    form = DecideForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_decide(info=info, actor=request.user, **form.cleaned_data)
        except services.DisclosureError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Jawaban %(n)s tersimpan.") % {"n": info.number})
        return _to(request, "request", pk=info.pk)
    ctx = {
        "info": info,
        "decide_form": form,
        "objections": [],
        "extend_form": ExtendForm(),
        "today": services.today(),
    }
    return render(
        request, "disclosure/dashboard/request_detail.html", ctx, status=400 if form.errors else 200
    )


@village_role_required(AREA)
def request_file(request: VillageRequest, pk: int) -> FileResponse:
    """The answer's file (a kelurahan has no requests: the scoped lookup is 404 there)."""
    info = _request(request, pk)
    if not info.answer_file:
        raise Http404("tidak ada berkas")
    audit_record(
        actor=request.user, action="ppid.answer_file", target=info.number, village=request.village
    )
    return services.answer_file_response(info)


@village_role_required(AREA)
@desa_only()
def objection_detail(request: VillageRequest, pk: int) -> HttpResponse:
    objection = get_object_or_404(
        Objection.objects.for_village(request.village).select_related("request"), pk=pk
    )
    profile = selectors.profile_for(request.village)
    form = ObjectionDecideForm(request.POST or None, initial={"decided_by": profile.atasan_name})
    if request.method == "POST" and form.is_valid():
        try:
            services.objection_decide(objection=objection, actor=request.user, **form.cleaned_data)
        except services.DisclosureError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("Tanggapan keberatan %(n)s tersimpan.") % {"n": objection.number}
            )
        return _to(request, "objection", pk=objection.pk)
    return render(
        request, "disclosure/dashboard/objection.html", {"objection": objection, "form": form}
    )
