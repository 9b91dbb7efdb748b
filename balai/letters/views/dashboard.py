"""Issuing letters at the village counter (phone first): find the resident (by name or NIK,
posted so it never lands in a URL), pick the letter, fill only what the register lacks, preview,
issue; then the letter's page, its PDF, revoking it, and the archive."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.letters import selectors, services
from balai.letters.forms import IssueForm, RevokeForm, is_head
from balai.letters.models import Letter, LetterType
from balai.letters.pdf import verification_url
from balai.population.models import Resident
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

SEARCH_LIMIT = 20


def _resident(request: VillageRequest, pk: int) -> Resident:
    qs = Resident.objects.for_village(request.village).select_related("family", "area")
    return get_object_or_404(qs, pk=pk)


def _letter(request: VillageRequest, pk: int) -> Letter:
    qs = Letter.objects.for_village(request.village).select_related("letter_type")
    return get_object_or_404(qs, pk=pk)


@village_role_required("service")
def home(request: VillageRequest) -> HttpResponse:
    # Searched by POST, as the register does: a NIK or a name must not end up in a URL or a log.
    query = request.POST.get("q", "").strip()[:120] if request.method == "POST" else ""
    found: list[Resident] = []
    if query:
        qs = Resident.objects.for_village(request.village).select_related("family", "area")
        found = list(qs.filter(Q(name__icontains=query) | Q(nik=query))[:SEARCH_LIMIT])
    recent = selectors.archive(request.village)[:5]
    ctx = {"query": query, "found": found, "searched": bool(query), "recent": recent}
    return render(request, "letters/dashboard/home.html", ctx)


@village_role_required("service")
def choose(request: VillageRequest, resident: int) -> HttpResponse:
    person = _resident(request, resident)
    templates = selectors.village_templates(request.village)
    for template in templates:
        template.refused = services.refusal(template.letter_type, person)  # type: ignore[attr-defined]
    ctx = {"resident": person, "templates": templates}
    return render(request, "letters/dashboard/choose.html", ctx)


@village_role_required("service")
def issue(request: VillageRequest, resident: int, key: str) -> HttpResponse:
    person = _resident(request, resident)
    template = selectors.active_template(request.village, key)
    if template is None:
        return redirect("letters_dashboard:choose", slug=request.village.slug, resident=person.pk)
    refused = services.refusal(template.letter_type, person)
    from_request = _service_request(request, person, key)
    initial = {}
    if from_request is not None and any(f["name"] == "keperluan" for f in template.fields):
        initial["isian_keperluan"] = from_request.purpose[:500]
    form = IssueForm(
        request.POST or None, village=request.village, template=template, initial=initial
    )
    if not refused and not form.fields["signer"].queryset.exists():  # type: ignore[attr-defined]
        refused = _(
            "Belum ada perangkat desa untuk menandatangani. Admin desa menambahkan kepala desa "
            "dan sekretaris desa di halaman Perangkat desa."
        )
    ctx = {
        "resident": person,
        "template": template,
        "form": form,
        "refused": refused,
        "from_request": from_request,
    }
    if request.method == "GET":
        audit_record(
            actor=request.user,
            village=request.village,
            action="letters.resident_view",
            target=f"penduduk {person.pk}",
        )
    if request.method == "POST" and not refused and form.is_valid():
        signer = form.cleaned_data["signer"]
        if "terbitkan" not in request.POST:
            ctx["preview"] = _preview(request, template, person, form)
        else:
            try:
                letter = services.issue_letter(
                    village=request.village,
                    template=template,
                    resident=person,
                    values=form.values(),
                    signer=signer,
                    on_behalf=not is_head(signer),
                    user=request.user,
                )
            except services.IssueError as exc:
                ctx["refused"] = str(exc)
            else:
                messages.success(request, _("Surat %(number)s terbit.") % {"number": letter.number})
                if from_request is not None:
                    from balai.services.services import request_letter_issued

                    request_letter_issued(req=from_request, letter=letter, actor=request.user)
                    return redirect(
                        "services_dashboard:request", slug=request.village.slug, pk=from_request.pk
                    )
                return redirect("letters_dashboard:letter", slug=request.village.slug, pk=letter.pk)
    return render(request, "letters/dashboard/issue.html", ctx)


def _service_request(request: VillageRequest, person: Resident, key: str) -> Any:
    """The online request this letter answers (`?permintaan=<id>`): one of the village's open
    requests for this resident and this letter, else None (the letter is issued on its own)."""
    from balai.services.models import ServiceRequest

    raw = request.GET.get("permintaan", "")
    if not raw.isdigit():
        return None
    return (
        ServiceRequest.objects.for_village(request.village)
        .filter(
            pk=int(raw),
            resident=person,
            service__letter_key=key,
            status__in=ServiceRequest.OPEN,
            letter__isnull=True,
        )
        .select_related("service")
        .first()
    )


def _preview(request: VillageRequest, template, person: Resident, form: IssueForm) -> dict:
    day = timezone.localdate()
    data = services.letter_values(
        village=request.village,
        template=template,
        resident=person,
        values=form.values(),
        signer=form.cleaned_data["signer"],
        number=_("(nomor diberikan saat terbit)"),
        day=day,
    )
    text, _used = services.render_body(template, data)
    from balai.letters.placeholders import blocks

    return {"blocks": blocks(text), "day": day, "signer": form.cleaned_data["signer"]}


@village_role_required("service")
def letter_detail(request: VillageRequest, pk: int) -> HttpResponse:
    letter = _letter(request, pk)
    audit_record(
        actor=request.user, village=request.village, action="letters.view", target=letter.number
    )
    from balai.letters.placeholders import blocks

    ctx = {
        "letter": letter,
        "blocks": blocks(letter.text),
        "form": RevokeForm(),
        "verify_url": verification_url(letter, request.village),
    }
    return render(request, "letters/dashboard/letter.html", ctx)


@village_role_required("service")
def letter_pdf(request: VillageRequest, pk: int) -> HttpResponse:
    letter = _letter(request, pk)
    audit_record(
        actor=request.user, village=request.village, action="letters.pdf", target=letter.number
    )
    response = HttpResponse(selectors.letter_pdf(letter), content_type="application/pdf")
    name = letter.number.replace("/", "-")
    response["Content-Disposition"] = f'inline; filename="surat-{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@village_role_required("service")
@require_POST
def letter_revoke(request: VillageRequest, pk: int) -> HttpResponse:
    letter = _letter(request, pk)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.revoke_letter(
                letter=letter, reason=form.cleaned_data["reason"], user=request.user
            )
        except services.IssueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Surat %(number)s dibatalkan.") % {"number": letter.number})
        return redirect("letters_dashboard:letter", slug=request.village.slug, pk=letter.pk)
    from balai.letters.placeholders import blocks

    ctx = {"letter": letter, "blocks": blocks(letter.text), "form": form}
    ctx["verify_url"] = verification_url(letter, request.village)
    return render(request, "letters/dashboard/letter.html", ctx, status=400)


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


@village_role_required("service")
def archive(request: VillageRequest) -> HttpResponse:
    # A name or number is posted (not in the URL); type and dates are plain filters.
    query = request.POST.get("q", "").strip()[:120] if request.method == "POST" else ""
    key = request.GET.get("jenis", "")
    start, end = _date(request.GET.get("dari", "")), _date(request.GET.get("sampai", ""))
    qs = selectors.archive(request.village, q=query, key=key, start=start, end=end)
    text = request.GET.get("halaman", "1")
    number = int(text) if text.isdigit() and 0 < int(text) < 100_000 else 1
    letters, has_next = selectors.archive_page(qs, 1 if query else number)
    ctx = {
        "letters": letters,
        "number": number,
        "has_next": has_next and not query,
        "query": query,
        "types": LetterType.objects.filter(current__isnull=False).select_related("current"),
        "key": key,
        "start": start,
        "end": end,
        "year": timezone.localdate().year,
    }
    return render(request, "letters/dashboard/archive.html", ctx)
