"""The village dashboard for social assistance: programmes, their recipients (personal data:
admins only, every view and export audit-logged), publishing the announced list, the
welfare ranking and the objections residents sent."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.lib.exports import csv_response
from balai.lib.pagination import paginate
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest
from balai.welfare.forms import PovertyFlagForm, ProgrammeForm, RecipientStatusForm
from balai.welfare.models import Objection, PovertyFlag, Programme, Recipient, WelfareRank
from balai.welfare.services import (
    objection_handle,
    poverty_flag_save,
    programme_publish,
    programme_save,
    recipient_status_change,
)

AREA = "personal"
EXPORT_HEADER = [
    "nik",
    "no_kk",
    "nama",
    "nomor_kartu",
    "mulai",
    "selesai",
    "nilai",
    "status",
    "alasan",
]


def _programme(request: VillageRequest, pk: int) -> Programme:
    return get_object_or_404(Programme.objects.for_village(request.village), pk=pk)


@village_role_required(AREA)
def programmes(request: VillageRequest) -> HttpResponse:
    rows = Programme.objects.for_village(request.village).annotate(
        active=Count("recipients", filter=Q(recipients__status=Recipient.Status.ACTIVE))
    )
    open_objections = Objection.objects.for_village(request.village).filter(handled=False).count()
    return render(
        request,
        "welfare/dashboard/programmes.html",
        {"programmes": rows, "open_objections": open_objections},
    )


@village_role_required(AREA)
def programme_form(request: VillageRequest, pk: int | None = None) -> HttpResponse:
    instance = _programme(request, pk) if pk else Programme(village=request.village)
    form = ProgrammeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        programme = programme_save(programme=form.save(commit=False), user=request.user)
        messages.success(request, _("Program %(name)s tersimpan.") % {"name": programme.name})
        return redirect("welfare_dashboard:recipients", slug=request.village.slug, pk=programme.pk)
    return render(
        request, "welfare/dashboard/programme_form.html", {"form": form, "programme": instance}
    )


@village_role_required(AREA)
def recipients(request: VillageRequest, pk: int) -> HttpResponse:
    programme = _programme(request, pk)
    qs = (
        Recipient.objects.for_village(request.village)
        .filter(programme=programme)
        .select_related("area", "resident", "family", "household")
    )
    page = paginate(request, qs, 100)
    audit_record(
        actor=request.user,
        village=request.village,
        action="welfare.recipients_view",
        target=programme.name,
    )
    return render(
        request, "welfare/dashboard/recipients.html", {"programme": programme, "page": page}
    )


@village_role_required(AREA)
@require_POST
def publish(request: VillageRequest, pk: int) -> HttpResponse:
    programme = _programme(request, pk)
    programme_publish(
        programme=programme, user=request.user, published=request.POST.get("tayang") == "1"
    )
    if programme.list_published:
        messages.success(request, _("Daftar penerima tayang di situs desa."))
    else:
        messages.success(request, _("Daftar penerima tidak ditayangkan."))
    return redirect("welfare_dashboard:recipients", slug=request.village.slug, pk=programme.pk)


@village_role_required(AREA)
@require_POST
def export(request: VillageRequest, pk: int) -> HttpResponse:
    programme = _programme(request, pk)
    qs = (
        Recipient.objects.for_village(request.village)
        .filter(programme=programme)
        .select_related("resident", "family", "area")
    )
    rows = [EXPORT_HEADER] + [
        [
            r.resident.nik if r.resident else "",
            r.family.number if r.family else "",
            r.name,
            r.card_number,
            r.start.isoformat(),
            r.end.isoformat() if r.end else "",
            r.amount,
            r.get_status_display().lower(),
            r.status_reason,
        ]
        for r in qs
    ]
    audit_record(
        actor=request.user,
        village=request.village,
        action="welfare.recipients_export",
        target=programme.name,
        rows=len(rows) - 1,
    )
    return csv_response(f"penerima-{programme.pk}.csv", rows, personal=True)


@village_role_required(AREA)
def ranking(request: VillageRequest) -> HttpResponse:
    form = PovertyFlagForm(request.POST or None, village=request.village)
    if request.method == "POST" and form.is_valid():
        poverty_flag_save(
            village=request.village,
            household=form.cleaned_data["household"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        )
        messages.success(request, _("Verifikasi desa tersimpan."))
        return redirect("welfare_dashboard:ranking", slug=request.village.slug)
    ranks = WelfareRank.objects.for_village(request.village).select_related(
        "household", "household__area"
    )
    page = paginate(request, ranks, 100)
    flags = PovertyFlag.objects.for_village(request.village).select_related("household")
    audit_record(actor=request.user, village=request.village, action="welfare.ranking_view")
    ctx = {"page": page, "flags": flags, "form": form}
    return render(request, "welfare/dashboard/ranking.html", ctx)


@village_role_required(AREA)
def objections(request: VillageRequest) -> HttpResponse:
    rows = Objection.objects.for_village(request.village).select_related("programme")
    audit_record(actor=request.user, village=request.village, action="welfare.objections_view")
    page = paginate(request, rows, 50)
    return render(request, "welfare/dashboard/objections.html", {"page": page})


@village_role_required(AREA)
@require_POST
def objection_done(request: VillageRequest, pk: int) -> HttpResponse:
    objection = get_object_or_404(Objection.objects.for_village(request.village), pk=pk)
    objection_handle(objection=objection, user=request.user)
    return redirect("welfare_dashboard:objections", slug=request.village.slug)


@village_role_required(AREA)
def recipient_status(request: VillageRequest, pk: int, rid: int) -> HttpResponse:
    programme = _programme(request, pk)
    recipient = get_object_or_404(
        Recipient.objects.for_village(request.village).filter(programme=programme), pk=rid
    )
    form = RecipientStatusForm(request.POST or None, instance=recipient)
    if request.method == "POST" and form.is_valid():
        recipient_status_change(recipient=form.save(commit=False), user=request.user)
        messages.success(request, _("Status %(name)s tersimpan.") % {"name": recipient.name})
        return redirect("welfare_dashboard:recipients", slug=request.village.slug, pk=programme.pk)
    ctx = {"form": form, "programme": programme, "recipient": recipient}
    return render(request, "welfare/dashboard/recipient_status.html", ctx)
