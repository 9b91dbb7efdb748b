"""Help requests on the village dashboard: ask, read the conversation, reply, resolve."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.lib.pagination import paginate
from balai.mentoring import selectors, services
from balai.mentoring.forms import HelpReplyForm, HelpRequestForm
from balai.mentoring.models import HelpAttachment, HelpRequest
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

ASKERS = ("admin", "editor")
HELPERS = ("mentor", "district")
PER_PAGE = 30


def _data(request: VillageRequest) -> tuple:
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _request(request: VillageRequest, pk: int) -> HelpRequest:
    rows = HelpRequest.objects.for_village(request.village).select_related("author")
    return get_object_or_404(rows, pk=pk)


@village_role_required("view")
def help_list(request: VillageRequest) -> HttpResponse:
    rows = selectors.help_waiting(
        HelpRequest.objects.for_village(request.village).select_related("author")
    )
    ctx = {
        "page": paginate(request, rows, PER_PAGE),
        "can_ask": request.role in ASKERS,
        "is_helper": request.role in HELPERS,
        "mentors": services.village_mentors(request.village),
    }
    return render(request, "mentoring/dashboard/help_list.html", ctx)


@village_role_required("view")
def help_new(request: VillageRequest) -> HttpResponse:
    if request.role not in ASKERS:
        raise Http404("hanya admin dan editor desa yang meminta bantuan")
    form = HelpRequestForm(*_data(request))
    if request.method == "POST" and form.is_valid():
        help_request = services.help_request_create(
            village=request.village,
            author=request.user,
            topic=form.cleaned_data["topic"],
            message=form.cleaned_data["message"],
            images=form.cleaned_data["screenshots"],
        )
        messages.success(
            request,
            _("Permintaan %(ref)s terkirim. Pendamping akan menjawab di sini dan lewat email.")
            % {"ref": help_request.reference},
        )
        return redirect(
            "mentoring_dashboard:help_detail", slug=request.village.slug, pk=help_request.pk
        )
    return render(
        request,
        "mentoring/dashboard/help_new.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@village_role_required("view")
def help_detail(request: VillageRequest, pk: int) -> HttpResponse:
    help_request = _request(request, pk)
    form = HelpReplyForm(*_data(request))
    if request.method == "POST" and form.is_valid():
        services.help_reply_add(
            help_request=help_request,
            author=request.user,
            role=request.role or "",
            message=form.cleaned_data["message"],
            images=form.cleaned_data["screenshots"],
        )
        messages.success(request, _("Balasan terkirim."))
        return redirect("mentoring_dashboard:help_detail", slug=request.village.slug, pk=pk)
    helper = request.role in HELPERS
    text = _("Halo, tentang permintaan bantuan %(ref)s di Balai.") % {"ref": help_request.reference}
    contacts = [help_request.author] if helper else services.village_mentors(request.village)
    ctx = {
        "help_request": help_request,
        "replies": help_request.replies.select_related("author").prefetch_related("attachments"),
        "attachments": help_request.attachments.filter(reply__isnull=True),
        "form": form,
        "can_resolve": request.role in (*ASKERS, "district") and not help_request.is_resolved,
        "whatsapp": [(u, selectors.whatsapp_href(u, text)) for u in contacts if u],
        "response_hours": selectors.response_hours(help_request),
    }
    return render(
        request, "mentoring/dashboard/help_detail.html", ctx, status=400 if form.errors else 200
    )


@village_role_required("view")
@require_POST
def help_resolve(request: VillageRequest, pk: int) -> HttpResponse:
    help_request = _request(request, pk)
    if request.role not in (*ASKERS, "district"):
        raise Http404("hanya penanya yang menutup permintaan")
    services.help_request_resolve(help_request=help_request, actor=request.user)
    messages.success(
        request, _("Permintaan %(ref)s ditandai selesai.") % {"ref": help_request.reference}
    )
    return redirect("mentoring_dashboard:help_detail", slug=request.village.slug, pk=pk)


@village_role_required("view")
def help_attachment(request: VillageRequest, pk: int, attachment_id: int) -> FileResponse:
    help_request = _request(request, pk)
    attachment = get_object_or_404(HelpAttachment, request=help_request, pk=attachment_id)
    response = FileResponse(attachment.file.open("rb"))
    response["Content-Type"] = (
        "image/png" if (attachment.file.name or "").endswith(".png") else "image/jpeg"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
