"""The village's own letter templates (use the district's, or keep a local copy), the
numbering and paper settings, and the outgoing-letter register export."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.audit.services import audit_record
from balai.letters import placeholders, register, selectors, services
from balai.letters.forms import SettingsForm, TemplateForm
from balai.letters.models import LetterType
from balai.lib.exports import attachment, xlsx_response
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest


@village_role_required("service")
def templates(request: VillageRequest) -> HttpResponse:
    ctx = {"templates": selectors.village_templates(request.village)}
    return render(request, "letters/dashboard/templates.html", ctx)


@village_role_required("service")
def template_edit(request: VillageRequest, key: str) -> HttpResponse:
    letter_type = get_object_or_404(LetterType.objects.filter(current__isnull=False), key=key)
    active = selectors.active_template(request.village, key)
    assert active is not None
    version = active.version
    initial = {
        "title": version.title,
        "code": version.code,
        "body": version.body,
        "fields_text": placeholders.fields_text(version.fields),
    }
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.local_save(
            village=request.village,
            letter_type=letter_type,
            title=data["title"],
            code=data["code"],
            body=data["body"],
            fields_text=data["fields_text"],
            user=request.user,
        )
        messages.success(
            request, _("Salinan desa untuk %(title)s tersimpan.") % {"title": data["title"]}
        )
        return redirect("letters_dashboard:templates", slug=request.village.slug)
    ctx = {
        "form": form,
        "active": active,
        "field_list": placeholders.FIELDS,
        "syntax_help": placeholders.SYNTAX_HELP,
    }
    return render(request, "letters/dashboard/template_edit.html", ctx)


@village_role_required("service")
@require_POST
def template_use_district(request: VillageRequest, key: str) -> HttpResponse:
    letter_type = get_object_or_404(LetterType.objects.filter(current__isnull=False), key=key)
    services.local_use_district(village=request.village, letter_type=letter_type, user=request.user)
    messages.success(request, _("Desa memakai templat kabupaten untuk surat ini."))
    return redirect("letters_dashboard:templates", slug=request.village.slug)


@village_role_required("service")
def settings(request: VillageRequest) -> HttpResponse:
    form = SettingsForm(request.POST or None, instance=selectors.letter_settings(request.village))
    if request.method == "POST" and form.is_valid():
        services.settings_save(village=request.village, user=request.user, **form.cleaned_data)
        messages.success(request, _("Pengaturan surat tersimpan."))
        return redirect("letters_dashboard:settings", slug=request.village.slug)
    return render(request, "letters/dashboard/settings.html", {"form": form})


@village_role_required("service")
def register_export(request: VillageRequest, fmt: str) -> HttpResponse:
    if fmt not in register.FORMATS:
        raise Http404("format tidak dikenal")
    text = request.GET.get("tahun", "")
    year = int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year
    audit_record(
        actor=request.user,
        village=request.village,
        action="letters.register_export",
        target=f"{year}.{fmt}",
    )
    name = f"agenda-surat-keluar-{request.village.slug}-{year}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(name, register.register_xlsx(request.village, year), personal=True)
    response = HttpResponse(
        register.register_pdf(request.village, year), content_type="application/pdf"
    )
    return attachment(response, name, personal=True)
