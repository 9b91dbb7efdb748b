"""The applicant's tracking page and, when the district asked for it, the revision form.

The tracking code is the only key: these pages never show the applicant's contact details, and
no browser or proxy keeps a copy of them (`no_store`).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from balai.lib.cache_control import no_store
from balai.registrations import selectors, services, whatsapp
from balai.registrations.forms import ReviseForm, StatusLookupForm
from balai.registrations.models import Application, ApplicationEvent
from balai.registrations.services import RegistrationError
from balai.registrations.views.district import posted


def _application(code: str) -> Application:
    application = selectors.application_for_code(code)
    if application is None:
        raise Http404("kode tidak ditemukan")
    return application


@no_store
@require_GET
def lookup(request: HttpRequest) -> HttpResponse:
    form = StatusLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("registrations:status", code=form.cleaned_data["code"])
    return render(request, "registrations/district/lookup.html", {"form": form})


@no_store
@require_GET
def status(request: HttpRequest, code: str) -> HttpResponse:
    application = _application(code)
    events = list(application.events.all())
    revisions = [e for e in events if e.kind == ApplicationEvent.Kind.REVISION_REQUESTED]
    context = {
        "application": application,
        "events": events,
        "region": application.region,
        "revision": revisions[-1] if revisions else None,
        **whatsapp.applicant_support(application),
    }
    return render(request, "registrations/district/status.html", context)


@no_store
@require_http_methods(["GET", "POST"])
def revise(request: HttpRequest, code: str) -> HttpResponse:
    application = _application(code)
    if application.status != Application.Status.REVISION:
        return redirect("registrations:status", code=application.code)
    initial = {
        "applicant_name": application.applicant_name,
        "applicant_position": application.applicant_position,
        "wanted_slug": application.wanted_slug,
        "existing_domain": application.existing_domain,
    }
    form = ReviseForm(*posted(request), initial=initial, application=application)
    if form.is_valid():
        try:
            _resubmit(application, form.cleaned_data)
        except RegistrationError as exc:
            form.add_error(exc.field or None, exc.message)
        else:
            messages.success(request, _("Perbaikan sudah dikirim dan akan ditinjau kembali."))
            return redirect("registrations:status", code=application.code)
    revision = application.events.filter(kind="revision_requested").last()
    context = {"form": form, "application": application, "revision": revision}
    return render(request, "registrations/district/revise.html", context)


def _resubmit(application: Application, data: dict) -> None:
    letter = None
    if data.get("letter"):
        letter = services.letter_store_temporary(upload=data["letter"])
    try:
        services.application_resubmit(
            application=application,
            applicant_name=data["applicant_name"],
            applicant_position=data["applicant_position"],
            whatsapp=data["whatsapp"],
            email=data["email"],
            wanted_slug=data["wanted_slug"],
            existing_domain=data["existing_domain"],
            letter=letter,
        )
    except RegistrationError:
        if letter:
            services.letter_discard(path=letter.path)
        raise
