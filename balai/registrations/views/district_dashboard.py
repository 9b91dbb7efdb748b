"""The district's review: the queue, one application, the letter, and the three decisions.

District admins only; everyone else gets 404. Applicants' contact details are shown here
because the district needs them to reach the village (DESIGN.md, Data classes).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from balai.lib.phone import whatsapp_link
from balai.lib.uploads import EXTENSIONS
from balai.registrations import selectors, services, whatsapp
from balai.registrations.forms import RejectForm, RevisionRequestForm
from balai.registrations.models import REVIEW_WORKING_DAYS, Application, ApplicationEvent
from balai.registrations.services import RegistrationError
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest

APPROVED_KEY = "review_approved_link"


def _get(pk: int) -> Application:
    queryset = Application.objects.select_related("region", "region__parent", "village")
    return get_object_or_404(queryset, pk=pk)


@district_admin_required
@require_GET
def queue(request: SignedInRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Application.Status.values:
        status = ""
    overdue = request.GET.get("terlambat") == "1"
    counts = selectors.application_counts()
    context = {
        "applications": selectors.application_queue(status=status, overdue=overdue),
        "overdue": overdue,
        "overdue_count": selectors.application_overdue_count(),
        "review_days": REVIEW_WORKING_DAYS,
        "counts": counts,
        "filters": [(value, label, counts[value]) for value, label in Application.Status.choices],
        "status": status,
    }
    return render(request, "registrations/district_dashboard/queue.html", context)


def _detail(request: SignedInRequest, application: Application, **forms) -> HttpResponse:
    events = list(application.events.select_related("actor"))
    latest = events[-1] if events else None
    context = {
        "application": application,
        "events": events,
        "latest_event": latest,
        "status_whatsapp": whatsapp.status_message_href(application, latest),
        "status_step": (
            latest.get_kind_display() if latest else ApplicationEvent.Kind.SUBMITTED.label
        ),
        "revision_form": forms.get("revision_form") or RevisionRequestForm(),
        "reject_form": forms.get("reject_form") or RejectForm(),
        "error": forms.get("error"),
    }
    return render(
        request,
        "registrations/district_dashboard/detail.html",
        context,
        status=400 if forms else 200,
    )


@district_admin_required
@require_GET
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    return _detail(request, _get(pk))


@district_admin_required
@require_GET
def letter(request: SignedInRequest, pk: int) -> FileResponse:
    application = _get(pk)
    name = application.letter.name
    if not name or not application.letter.storage.exists(name):
        raise Http404("surat tidak ditemukan")
    ext = EXTENSIONS.get(application.letter_content_type, "bin")
    response = FileResponse(
        application.letter.open("rb"),
        as_attachment=True,
        filename=f"surat-permohonan-{application.code}.{ext}",
        content_type=application.letter_content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@district_admin_required
@require_POST
def approve(request: SignedInRequest, pk: int) -> HttpResponse:
    application = _get(pk)
    try:
        result = services.application_approve(application=application, admin=request.user)
    except RegistrationError as exc:
        return _detail(request, application, error=exc.message)
    # The link holds the one-time token: shown once on the next page, then gone.
    request.session[APPROVED_KEY] = {"pk": application.pk, "link": result.invitation_link}
    return redirect("review:approved", pk=application.pk)


@district_admin_required
@require_GET
def approved(request: SignedInRequest, pk: int) -> HttpResponse:
    application = _get(pk)
    if application.status != Application.Status.APPROVED:
        return redirect("review:detail", pk=pk)
    shown = request.session.pop(APPROVED_KEY, None) or {}
    link = shown.get("link", "") if shown.get("pk") == application.pk else ""
    whatsapp = ""
    if link:
        text = _(
            "Permohonan situs %(village)s disetujui. Buka tautan ini untuk menjadi admin desa "
            "dan membuat kata sandi: %(link)s"
        ) % {
            "village": application.village.display_name if application.village else "",
            "link": link,
        }
        whatsapp = whatsapp_link(application.whatsapp, text)
    context = {"application": application, "link": link, "whatsapp": whatsapp}
    return render(request, "registrations/district_dashboard/approved.html", context)


@district_admin_required
@require_POST
def request_revision(request: SignedInRequest, pk: int) -> HttpResponse:
    application = _get(pk)
    form = RevisionRequestForm(request.POST)
    if not form.is_valid():
        return _detail(request, application, revision_form=form)
    try:
        services.application_request_revision(
            application=application, admin=request.user, message=form.cleaned_data["message"]
        )
    except RegistrationError as exc:
        return _detail(request, application, error=exc.message)
    messages.success(request, _("Permintaan perbaikan sudah dikirim ke pemohon."))
    return redirect("review:detail", pk=pk)


@district_admin_required
@require_POST
def reject(request: SignedInRequest, pk: int) -> HttpResponse:
    application = _get(pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _detail(request, application, reject_form=form)
    try:
        services.application_reject(
            application=application, admin=request.user, reason=form.cleaned_data["reason"]
        )
    except RegistrationError as exc:
        return _detail(request, application, error=exc.message)
    messages.success(request, _("Permohonan ditolak. Pemohon sudah diberi tahu."))
    return redirect("review:detail", pk=pk)
