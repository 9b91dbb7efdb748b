"""The counter's queue on the village dashboard: online requests, the longest waiting first,
each matched to the register, asked about, made ready or handed over, or refused.

A request holds personal data: opening it, searching the register for it and opening its files
are audit-logged; the register is searched by POST, so no NIK or name reaches a URL."""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.lib.pagination import paginate
from balai.population.models import Resident
from balai.services import selectors, services
from balai.services.access import STAFF_AREA
from balai.services.forms import AskForm, HandoverForm, RegisterSearchForm, RejectForm
from balai.services.models import RequestFile, ServiceRequest
from balai.services.notifications import last_notice_kind, request_whatsapp_link
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

QUEUE_PAGE = 50
ARCHIVE = "arsip"  # ?tampil=arsip: the closed requests


def _req(request: VillageRequest, pk: int) -> ServiceRequest:
    qs = ServiceRequest.objects.for_village(request.village).select_related("service", "resident")
    return get_object_or_404(qs, pk=pk)


def _to(req: ServiceRequest) -> HttpResponse:
    return redirect("services_dashboard:request", slug=req.village.slug, pk=req.pk)


@village_role_required(STAFF_AREA)
def index(request: VillageRequest) -> HttpResponse:
    archive = request.GET.get("tampil") == ARCHIVE
    village = request.village
    qs = selectors.closed_requests(village) if archive else selectors.open_requests(village)
    page = paginate(request, qs, QUEUE_PAGE)
    today = timezone.localdate()
    ctx = {
        "page": page,
        "rows": [selectors.QueueRow(req, today) for req in page.object_list],
        "archive": archive,
        "counts": selectors.queue_counts(village),
        "service_count": selectors.published_services(village).count(),
    }
    return render(request, "services/dashboard/index.html", ctx)


def _detail_page(
    request: VillageRequest, req: ServiceRequest, *, status: int = 200, **extra: Any
) -> HttpResponse:
    # Staff only: does the NIK given belong to a resident of this village?
    nik_match = Resident.objects.for_village(request.village).filter(nik=req.nik).first()
    ctx = {
        "req": req,
        "nik_match": nik_match,
        "files": list(req.files.all()),
        "messages_list": list(req.messages.select_related("author").prefetch_related("files")),
        "search_form": RegisterSearchForm(),
        "ask_form": AskForm(),
        "reject_form": RejectForm(),
        "handover_form": HandoverForm(),
        "has_pdf": services.handover_pdf(req) is not None,
        "wa_link": request_whatsapp_link(req=req, kind=last_notice_kind(req)),
        "overdue": req.is_open and req.due_on < timezone.localdate(),
        **extra,
    }
    return render(request, "services/dashboard/request.html", ctx, status=status)


@village_role_required(STAFF_AREA)
def request_detail(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    audit_record(
        actor=request.user, village=request.village, action="services.request_view", target=req.code
    )
    return _detail_page(request, req)


@village_role_required(STAFF_AREA)
@require_POST
def request_search(request: VillageRequest, pk: int) -> HttpResponse:
    """The register searched by name or NIK for this request (POST: nothing in a URL)."""
    req = _req(request, pk)
    form = RegisterSearchForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, req, search_form=form, status=400)
    query = form.cleaned_data["q"].strip()
    residents = Resident.objects.for_village(request.village).select_related("family")
    found = list(residents.filter(Q(name__icontains=query) | Q(nik=query)).order_by("name")[:20])
    audit_record(
        actor=request.user,
        village=request.village,
        action="services.register_search",
        target=req.code,
        results=len(found),
    )
    return _detail_page(request, req, search_form=form, results=found, searched=True)


@village_role_required(STAFF_AREA)
@require_POST
def request_match(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    resident_id = request.POST.get("resident", "")
    if not resident_id.isdigit():
        raise Http404("penduduk tidak ditemukan")
    resident = get_object_or_404(Resident.objects.for_village(request.village), pk=resident_id)
    match = functools.partial(services.request_match, resident=resident)
    return _step(request, req, match, _("Permohonan dicocokkan dengan register."))


def _step(request: VillageRequest, req: ServiceRequest, action: Any, done: str) -> HttpResponse:
    """Run a one-button step; its refusal as a message on the request's page."""
    try:
        action(req=req, actor=request.user)
    except services.ServiceRequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return _to(req)


@village_role_required(STAFF_AREA)
@require_POST
def request_ask(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    form = AskForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, req, ask_form=form, status=400)
    try:
        services.request_ask(req=req, actor=request.user, message=form.cleaned_data["message"])
    except services.ServiceRequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Pesan terkirim ke halaman pelacakan pemohon."))
    return _to(req)


@village_role_required(STAFF_AREA)
@require_POST
def request_ready(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    return _step(request, req, services.request_ready, _("Pemohon diberi tahu: siap diambil."))


@village_role_required(STAFF_AREA)
@require_POST
def request_collected(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    return _step(request, req, services.request_collected, _("Surat sudah diambil: selesai."))


@village_role_required(STAFF_AREA)
@require_POST
def request_handover(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    form = HandoverForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail_page(request, req, handover_form=form, status=400)
    try:
        services.request_handover(req=req, actor=request.user, pdf=form.cleaned_data["pdf"])
    except services.ServiceRequestError as exc:
        form.add_error("pdf", str(exc))
        return _detail_page(request, req, handover_form=form, status=400)
    messages.success(request, _("Surat dapat diunduh sekali di halaman pelacakan pemohon."))
    return _to(req)


@village_role_required(STAFF_AREA)
@require_POST
def request_reopen(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    done = _("Pemohon dapat mengunduh surat sekali lagi.")
    return _step(request, req, services.request_download_reopen, done)


@village_role_required(STAFF_AREA)
@require_POST
def request_reject(request: VillageRequest, pk: int) -> HttpResponse:
    req = _req(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, req, reject_form=form, status=400)
    try:
        services.request_reject(req=req, actor=request.user, reason=form.cleaned_data["reason"])
    except services.ServiceRequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Permohonan ditolak; pemohon membaca alasannya."))
    return _to(req)


def _private_file(content: Any, content_type: str, filename: str) -> FileResponse:
    response = FileResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@village_role_required(STAFF_AREA)
def request_file(request: VillageRequest, pk: int, file_id: int) -> FileResponse:
    req = _req(request, pk)
    row = get_object_or_404(
        RequestFile.objects.for_village(request.village), request=req, pk=file_id
    )
    audit_record(
        actor=request.user,
        village=request.village,
        action="services.file_view",
        target=req.code,
        file=row.pk,
    )
    name = row.file.name or ""
    kind = (
        "application/pdf" if row.is_pdf else "image/png" if name.endswith(".png") else "image/jpeg"
    )
    extension = name.rsplit(".", 1)[-1]
    response = _private_file(row.file.open("rb"), kind, f"{req.code}-{row.pk}.{extension}")
    if not row.is_pdf:  # a photo opens in the browser; a PDF is always downloaded
        response["Content-Disposition"] = "inline"
    return response


@village_role_required(STAFF_AREA)
def request_letter(request: VillageRequest, pk: int) -> HttpResponse:
    """The PDF handed over, for staff to check what the resident gets."""
    req = _req(request, pk)
    content = services.handover_pdf(req)
    if content is None:
        raise Http404("belum ada surat")
    audit_record(
        actor=request.user, village=request.village, action="services.letter_view", target=req.code
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="surat-{req.code}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
