"""The village's complaints desk: the queue on the working-day clock, one complaint with its
history, and the staff's steps (status, internal note, answer, releasing a held complaint).

Village admins and editors handle complaints (area "complaints"); only admins see who sent one,
and each time they do it is written to the audit log. District admins reach the desk too, as
everywhere, but without the identity (issue 15: the district sees escalated complaints without
identity)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.complaints import selectors, services
from balai.complaints.forms import AnswerForm, NoteForm, SettingsForm, StatusForm
from balai.complaints.models import Complaint
from balai.complaints.notifications import answer_whatsapp_link
from balai.disclosure.calendar import WorkingCalendar
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

AREA = "complaints"
IDENTITY_ROLE = "admin"


def _complaint(request: VillageRequest, pk: int) -> Complaint:
    return get_object_or_404(Complaint.objects.for_village(request.village), pk=pk)


def _back(request: VillageRequest, complaint: Complaint) -> HttpResponse:
    return redirect("complaints_dashboard:detail", slug=request.village.slug, pk=complaint.pk)


@village_role_required(AREA)
def index(request: VillageRequest) -> HttpResponse:
    village = request.village
    ctx = {
        "queue": selectors.complaint_queue(village, on=services.today()),
        "held": selectors.held_complaints(village),
        "handled": selectors.handled_complaints(village),
        "settings_form": SettingsForm(instance=services.complaint_settings(village)),
        "rules": services.complaint_rules(),
        "warn_before": selectors.WARN_BEFORE,
        "can_configure": request.role == IDENTITY_ROLE,
    }
    return render(request, "complaints/dashboard/index.html", ctx)


def _detail(request: VillageRequest, complaint: Complaint, **forms) -> HttpResponse:
    shows_identity = request.role == IDENTITY_ROLE and not complaint.anonymous
    if shows_identity:  # also when a form comes back with errors: the page shows it again
        services.identity_view_record(complaint=complaint, actor=request.user)
    calendar = WorkingCalendar()
    ctx = {
        "complaint": complaint,
        "clock": selectors.clock_row(complaint, on=services.today(), calendar=calendar),
        "shows_identity": shows_identity,
        "whatsapp": answer_whatsapp_link(complaint) if shows_identity else "",
        "history": selectors.complaint_history(complaint),
        "status_form": forms.get("status_form") or StatusForm(complaint=complaint),
        "note_form": forms.get("note_form") or NoteForm(),
        "answer_form": forms.get("answer_form") or _answer_form(complaint),
    }
    status = 400 if forms else 200
    return render(request, "complaints/dashboard/detail.html", ctx, status=status)


def _answer_form(complaint: Complaint) -> AnswerForm:
    initial = {} if complaint.public_summary else {"public_summary": complaint.text}
    return AnswerForm(instance=complaint, initial=initial)


@village_role_required(AREA)
def detail(request: VillageRequest, pk: int) -> HttpResponse:
    return _detail(request, _complaint(request, pk))


@village_role_required(AREA)
@require_POST
def status(request: VillageRequest, pk: int) -> HttpResponse:
    complaint = _complaint(request, pk)
    form = StatusForm(request.POST, complaint=complaint)
    if not form.is_valid():
        return _detail(request, complaint, status_form=form)
    services.complaint_status_set(
        complaint=complaint, status=form.cleaned_data["status"], actor=request.user
    )
    messages.success(request, _("Status %(n)s diubah.") % {"n": complaint.number})
    return _back(request, complaint)


@village_role_required(AREA)
@require_POST
def note(request: VillageRequest, pk: int) -> HttpResponse:
    complaint = _complaint(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _detail(request, complaint, note_form=form)
    services.complaint_note_add(
        complaint=complaint, text=form.cleaned_data["text"], actor=request.user
    )
    messages.success(request, _("Catatan disimpan."))
    return _back(request, complaint)


@village_role_required(AREA)
@require_POST
def answer(request: VillageRequest, pk: int) -> HttpResponse:
    complaint = _complaint(request, pk)
    form = AnswerForm(request.POST, instance=complaint)
    if form.is_valid():
        try:
            services.complaint_answer(complaint=complaint, actor=request.user, **form.cleaned_data)
        except services.ComplaintError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Jawaban %(n)s disimpan.") % {"n": complaint.number})
            return _back(request, complaint)
    return _detail(request, complaint, answer_form=form)


@village_role_required(AREA)
@require_POST
def release(request: VillageRequest, pk: int) -> HttpResponse:
    complaint = _complaint(request, pk)
    if not complaint.suspicious:
        raise Http404("pengaduan ini tidak ditahan")
    services.complaint_release(complaint=complaint, actor=request.user)
    messages.success(request, _("Pengaduan %(n)s masuk antrean.") % {"n": complaint.number})
    return _back(request, complaint)


@village_role_required(AREA)
def photo(request: VillageRequest, pk: int) -> FileResponse:
    complaint = _complaint(request, pk)
    if not complaint.photo:
        raise Http404("tidak ada foto")
    response = FileResponse(complaint.photo.open("rb"))
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


@village_role_required(AREA)
@require_POST
def settings(request: VillageRequest) -> HttpResponse:
    if request.role != IDENTITY_ROLE:
        raise Http404("hanya admin desa")
    form = SettingsForm(request.POST)
    if form.is_valid():
        services.complaint_settings_save(
            village=request.village, public_list=form.cleaned_data["public_list"]
        )
        messages.success(request, _("Pengaturan pengaduan disimpan."))
    return redirect("complaints_dashboard:index", slug=request.village.slug)
