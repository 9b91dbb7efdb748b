"""The public "Daftarkan website desa" wizard: one question per page, answers in the session.

Nothing is written to the database until the applicant submits from the check-answers page;
only the checked letter waits in private storage under a random name.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from balai.lib.cache_control import no_store
from balai.regions.selectors import kecamatan_list
from balai.registrations import selectors, services, whatsapp
from balai.registrations.forms import AddressForm, ApplicantForm, LetterForm, VillageForm
from balai.registrations.models import Application
from balai.registrations.services import Letter, RegistrationError
from balai.villages.requests import BalaiRequest

SESSION_KEY = "registration"
DONE_KEY = "registration_done"
STEP_FIELDS = {
    "village": ("region",),
    "applicant": ("applicant_name", "applicant_position", "whatsapp", "email"),
    "address": ("wanted_slug",),
    "letter": ("letter_path",),
}


# Where the check page sends the applicant to fix a refused answer (RegistrationError.field).
FIX_LINKS = {
    "region": ("registrations:village", _("Pilih desa lain")),
    "wanted_slug": ("registrations:address", _("Ubah alamat situs")),
    "existing_domain": ("registrations:address", _("Ubah alamat situs")),
    "letter": ("registrations:letter", _("Unggah surat lagi")),
}


def _fix_link(error: RegistrationError | None) -> dict | None:
    if error is None or error.field not in FIX_LINKS:
        return None
    name, label = FIX_LINKS[error.field]
    return {"href": reverse(name) + "?ubah=1", "label": label}


def posted(request: HttpRequest) -> tuple:
    """(data, files) for a bound form on POST, even an empty one; (None, None) on GET."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _state(request: HttpRequest) -> dict:
    return dict(request.session.get(SESSION_KEY, {}))


def _save(request: HttpRequest, **values) -> dict:
    state = _state(request)
    state.update(values)
    request.session[SESSION_KEY] = state
    return state


def _first_missing(state: dict) -> str | None:
    for step, fields in STEP_FIELDS.items():
        if not all(state.get(f) for f in fields):
            return step
    if not services.letter_temporary_exists(state["letter_path"]):
        return "letter"
    return None


def _guard(request: HttpRequest, step: str) -> HttpResponse | None:
    """Send the applicant back to the first unanswered question before this one."""
    missing = _first_missing(_state(request))
    steps = list(STEP_FIELDS)
    if missing and steps.index(missing) < steps.index(step):
        return redirect(f"registrations:{missing}")
    return None


def _forward(request: HttpRequest, step: str) -> HttpResponse:
    """After a step: the check page once all is answered and the applicant was changing an
    answer (or had nothing left), else the next question."""
    missing = _first_missing(_state(request))
    changing = bool(request.GET.get("ubah"))
    if missing is None and (changing or step == "letter"):
        return redirect("registrations:check")
    if changing:
        # Still changing: come back to the check page after the question that is now open.
        return redirect(reverse(f"registrations:{missing}") + "?ubah=1")
    steps = list(STEP_FIELDS)
    return redirect(f"registrations:{steps[steps.index(step) + 1]}")


def _region(state: dict):
    return selectors.region_for_application(state.get("region", ""))


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "registrations/district/start.html", {"started": bool(_state(request))})


@no_store
@require_http_methods(["GET", "POST"])
def village(request: BalaiRequest) -> HttpResponse:
    state = _state(request)
    current = _region(state)
    q = request.GET.get("q", current.name if current else "").strip()
    form = VillageForm(posted(request)[0])
    if request.method == "POST":
        q = request.POST.get("q", q).strip()
        if form.is_valid():
            region = form.cleaned_data["region"]
            if region.code != state.get("region"):
                # A different village needs its own address suggestion.
                _save(request, region=region.code, wanted_slug="", existing_domain="")
            return _forward(request, "village")
    context = {
        "form": form,
        "q": q,
        "results": selectors.region_search(q),
        "kecamatan": kecamatan_list(),
        "selected": request.POST.get("region") or state.get("region", ""),
        "ubah": request.GET.get("ubah", ""),
    }
    if request.htmx:
        return render(request, "registrations/district/_village_results.html", context)
    return render(request, "registrations/district/village.html", context)


@no_store
@require_http_methods(["GET", "POST"])
def applicant(request: HttpRequest) -> HttpResponse:
    if blocked := _guard(request, "applicant"):
        return blocked
    form = ApplicantForm(posted(request)[0], initial=_state(request))
    if form.is_valid():
        _save(request, **form.cleaned_data)
        return _forward(request, "applicant")
    context = {"form": form, "region": _region(_state(request))}
    return render(request, "registrations/district/applicant.html", context)


@no_store
@require_http_methods(["GET", "POST"])
def address(request: HttpRequest) -> HttpResponse:
    if blocked := _guard(request, "address"):
        return blocked
    state = _state(request)
    region = _region(state)
    initial = {
        "wanted_slug": state.get("wanted_slug") or selectors.slug_suggestion(region),
        "existing_domain": state.get("existing_domain", ""),
    }
    form = AddressForm(posted(request)[0], initial=initial)
    if form.is_valid():
        _save(request, **form.cleaned_data)
        return _forward(request, "address")
    context = {"form": form, "region": region, "site_prefix": _site_prefix(request)}
    return render(request, "registrations/district/address.html", context)


def _site_prefix(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("portal:home")) + "desa/"


@require_GET
def check_slug(request: HttpRequest) -> HttpResponse:
    """htmx: whether the typed address is free, as a one-line fragment."""
    slug = request.GET.get("wanted_slug", "").strip().lower()
    own = (
        selectors.application_for_code(request.GET.get("kode", ""))
        if "kode" in request.GET
        else None
    )
    exclude = own.pk if own is not None else None
    problem = selectors.slug_problem(slug, exclude_application=exclude) if slug else None
    context = {"slug": slug, "problem": problem, "site_prefix": _site_prefix(request)}
    return render(request, "registrations/district/_slug_status.html", context)


@no_store
@require_http_methods(["GET", "POST"])
def letter(request: HttpRequest) -> HttpResponse:
    if blocked := _guard(request, "letter"):
        return blocked
    state = _state(request)
    has_letter = services.letter_temporary_exists(state.get("letter_path", ""))
    form = LetterForm(*posted(request), has_letter=has_letter)
    if form.is_valid():
        if upload := form.cleaned_data["letter"]:
            stored = services.letter_store_temporary(upload=upload)
            if has_letter:
                services.letter_discard(path=state["letter_path"])
            _save(
                request,
                letter_path=stored.path,
                letter_content_type=stored.content_type,
                letter_size=upload.size,
            )
        return _forward(request, "letter")
    context = {"form": form, "has_letter": has_letter, "state": state}
    return render(request, "registrations/district/letter.html", context)


@no_store
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    state = _state(request)
    if missing := _first_missing(state):
        return redirect(f"registrations:{missing}")
    error = None
    if request.method == "POST":
        try:
            application = _submit(state)
        except RegistrationError as exc:
            error = exc
        else:
            request.session.pop(SESSION_KEY, None)
            request.session[DONE_KEY] = application.code
            return redirect("registrations:done")
    context = {
        "state": state,
        "region": _region(state),
        "position": Application.Position(state["applicant_position"]).label,
        "error": error,
        "fix": _fix_link(error),
    }
    return render(
        request, "registrations/district/check.html", context, status=400 if error else 200
    )


def _submit(state: dict) -> Application:
    region = selectors.region_for_application(state["region"])
    if region is None:  # not a desa or kelurahan of this district
        raise RegistrationError(selectors.state_message(""), field="region")
    return services.application_submit(
        region=region,
        applicant_name=state["applicant_name"],
        applicant_position=state["applicant_position"],
        whatsapp=state["whatsapp"],
        email=state["email"],
        wanted_slug=state["wanted_slug"],
        existing_domain=state.get("existing_domain", ""),
        letter=Letter(path=state["letter_path"], content_type=state["letter_content_type"]),
    )


@no_store
@require_GET
def done(request: HttpRequest) -> HttpResponse:
    application = selectors.application_for_code(request.session.get(DONE_KEY, ""))
    if application is None:
        return redirect("registrations:start")
    context = {"application": application, **whatsapp.applicant_support(application)}
    return render(request, "registrations/district/done.html", context)
