"""The district's letter templates (each save a new version, published when chosen) and the
monthly count of letters per type and village (counts only: no names, no numbers)."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.letters import placeholders, selectors, services
from balai.letters.context import MONTHS
from balai.letters.forms import DistrictTemplateForm
from balai.letters.models import LetterType, TemplateVersion
from balai.villages.models import Village
from balai.villages.permissions import district_admin_required


@district_admin_required
def home(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("tahun", "")
    year = int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year
    types = list(LetterType.objects.select_related("current"))
    by_type: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    by_village: dict[int, int] = defaultdict(int)
    for row in selectors.monthly_counts(year):
        by_type[row["letter_type__key"]][row["month"].month - 1] += row["n"]
        by_village[row["village_id"]] += row["n"]
    villages = Village.objects.filter(pk__in=by_village).select_related("region")
    ctx = {
        "year": year,
        "months": [m[:3] for m in MONTHS],
        "types": [(t, by_type.get(t.key, [0] * 12)) for t in types],
        "totals": [sum(col) for col in zip(*by_type.values(), strict=False)]
        if by_type
        else [0] * 12,
        "villages": sorted(((v, by_village[v.pk]) for v in villages), key=lambda p: -p[1]),
    }
    return render(request, "letters/district_dashboard/home.html", ctx)


@district_admin_required
def template_edit(request: HttpRequest, key: str) -> HttpResponse:
    letter_type = get_object_or_404(LetterType, key=key)
    version = letter_type.current or letter_type.versions.first()
    initial: dict[str, object] = {"needs_living": letter_type.needs_living, "publish": True}
    if version:
        initial |= {
            "title": version.title,
            "code": version.code,
            "body": version.body,
            "fields_text": placeholders.fields_text(version.fields),
        }
    form = DistrictTemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = services.template_save(
            letter_type=letter_type,
            title=data["title"],
            code=data["code"],
            body=data["body"],
            fields_text=data["fields_text"],
            needs_living=data["needs_living"],
            publish=data["publish"],
            user=request.user,
        )
        messages.success(request, _("Versi %(n)d tersimpan.") % {"n": saved.number})
        return redirect("letters_district_dashboard:template", key=key)
    ctx = {
        "letter_type": letter_type,
        "form": form,
        "versions": letter_type.versions.select_related("created_by")[:20],
        "field_list": placeholders.FIELDS,
        "syntax_help": placeholders.SYNTAX_HELP,
    }
    return render(request, "letters/district_dashboard/template_edit.html", ctx)


@district_admin_required
@require_POST
def template_publish(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    version = get_object_or_404(TemplateVersion, letter_type__key=key, pk=pk)
    services.template_publish(version=version, user=request.user)
    messages.success(request, _("Versi %(n)d diterbitkan.") % {"n": version.number})
    return redirect("letters_district_dashboard:template", key=key)
