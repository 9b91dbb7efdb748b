"""The village's public service pages: the catalogue, a service's standard, the online request
form, and the tracking page where the resident follows the request, answers questions and
downloads the letter once.

Nothing from the register is shown here: the form checks only that a NIK has 16 digits. The
tracking page is reached by POSTing the code (rate-limited per visitor, and a wrong, guessed
or right code over the limit gets one answer) or by the link with the code and its signature;
it is `no-store` and its path is kept out of the request log (settings.LOG_SECRET_PATH_PREFIXES).
"""

from __future__ import annotations

from secrets import token_hex

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from balai.lib.cache_control import no_store
from balai.lib.net import client_network
from balai.lib.ratelimit import Limit, rate_limit_hit, too_many_message
from balai.services import selectors, services
from balai.services.forms import AnswerForm, DownloadForm, RequestForm, TrackForm
from balai.services.models import ServiceRequest
from balai.services.services import new_code, track_token
from balai.villages.cache import cache_public_page
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse

SUBMIT_LIMIT = Limit(5, 60 * 60)  # requests sent per visitor per village
TRACK_LIMIT = Limit(10, 15 * 60)  # code lookups (and bad links) per visitor
ANSWER_LIMIT = Limit(10, 60 * 60)  # answers sent per visitor
DOWNLOAD_LIMIT = Limit(5, 15 * 60)  # last-4-digit tries per visitor, and per request


def _refused(request: VillageRequest, scope: str, limit: Limit) -> bool:
    value = f"{request.village.pk}:{client_network(request)}"
    return rate_limit_hit(scope=scope, value=value, limit=limit)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"  # the link must not leak to other sites
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@cache_public_page
def index(request: VillageRequest) -> HttpResponse:
    rows = list(selectors.published_services(request.village))
    ctx = {
        "letters": [s for s in rows if s.is_letter],
        "others": [s for s in rows if not s.is_letter],
    }
    return render(request, "services/site/index.html", ctx)


@require_safe
@cache_public_page
def detail(request: VillageRequest, service_slug: str) -> HttpResponse:
    service = get_object_or_404(selectors.published_services(request.village), slug=service_slug)
    return render(request, "services/site/detail.html", {"service": service})


@no_store
def request_form(request: VillageRequest, service_slug: str) -> HttpResponse:
    qs = selectors.published_services(request.village).filter(online=True, link="")
    service = get_object_or_404(qs, slug=service_slug)
    form = RequestForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_bot:  # the honeypot: the same answer as a real request, nothing kept
            fake = site_reverse(request, "services_track", code=new_code(), token=token_hex(16))
            return redirect(fake + "?baru=1")
        if _refused(request, "services.submit", SUBMIT_LIMIT):
            form.add_error(None, too_many_message(SUBMIT_LIMIT))
            status = 429
        else:
            data = form.cleaned_data
            req = services.request_submit(
                village=request.village,
                service=service,
                data=data,
                documents=data["documents"],
            )
            link = site_reverse(request, "services_track", code=req.code, token=track_token(req))
            return redirect(link + "?baru=1")
    ctx = {"form": form, "service": service}
    return render(request, "services/site/request_form.html", ctx, status=status)


@no_store
def track_form(request: VillageRequest) -> HttpResponse:
    """Find a request by its code; every try counts, whatever the code."""
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _refused(request, "services.track", TRACK_LIMIT):
            form.add_error(None, too_many_message(TRACK_LIMIT))
            status = 429
        else:
            req = selectors.request_by_code(request.village, form.cleaned_data["code"])
            if req is not None:
                link = site_reverse(
                    request, "services_track", code=req.code, token=track_token(req)
                )
                return redirect(link)
            form.add_error("code", _("Kode pelacakan tidak ditemukan. Periksa lagi kodenya."))
    response = render(request, "services/site/track_form.html", {"form": form}, status=status)
    return _private(response)


def _tracked(request: VillageRequest, code: str, token: str) -> ServiceRequest:
    """The request behind a link; a bad link is counted like a wrong code, and 404s."""
    req = selectors.request_by_code(request.village, code)
    if req is None or not services.token_matches(req, token):
        _refused(request, "services.track", TRACK_LIMIT)
        raise Http404("permohonan tidak ditemukan")
    return req


def _track_page(
    request: VillageRequest,
    req: ServiceRequest,
    *,
    answer: AnswerForm | None = None,
    download: DownloadForm | None = None,
    status: int = 200,
) -> HttpResponse:
    ctx = {
        "req": req,
        "token": track_token(req),
        "messages_list": list(req.messages.prefetch_related("files")),
        "file_count": req.files.count(),
        "is_new": request.GET.get("baru") == "1",
        "answer_form": answer or AnswerForm(),
        "download_form": download or DownloadForm(),
        "overdue": req.is_open and req.due_on < timezone.localdate(),
    }
    return _private(render(request, "services/site/track.html", ctx, status=status))


@require_safe
@no_store
def track(request: VillageRequest, code: str, token: str) -> HttpResponse:
    return _track_page(request, _tracked(request, code, token))


@require_POST
@no_store
def track_answer(request: VillageRequest, code: str, token: str) -> HttpResponse:
    req = _tracked(request, code, token)
    form = AnswerForm(request.POST, request.FILES)
    if not form.is_valid():
        return _track_page(request, req, answer=form, status=400)
    if form.cleaned_data.get("website"):
        return redirect(site_reverse(request, "services_track", code=req.code, token=token))
    if _refused(request, "services.answer", ANSWER_LIMIT):
        form.add_error(None, too_many_message(ANSWER_LIMIT))
        return _track_page(request, req, answer=form, status=429)
    try:
        services.request_answer(
            req=req, body=form.cleaned_data["body"], documents=form.cleaned_data["documents"]
        )
    except services.ServiceRequestError as exc:
        form.add_error(None, str(exc))
        return _track_page(request, req, answer=form, status=400)
    return redirect(site_reverse(request, "services_track", code=req.code, token=token))


@require_POST
@no_store
def track_download(request: VillageRequest, code: str, token: str) -> HttpResponse:
    """The letter's PDF, once, for whoever has the link and the phone's last 4 digits."""
    req = _tracked(request, code, token)
    form = DownloadForm(request.POST)
    if not form.is_valid():
        return _track_page(request, req, download=form, status=400)
    by_request = rate_limit_hit(scope="services.download", value=str(req.pk), limit=DOWNLOAD_LIMIT)
    if _refused(request, "services.download", DOWNLOAD_LIMIT) or by_request:
        form.add_error(None, too_many_message(DOWNLOAD_LIMIT))
        return _track_page(request, req, download=form, status=429)
    if form.cleaned_data["last4"] != req.phone_last4:
        form.add_error("last4", _("Angka itu tidak cocok dengan nomor HP di permohonan."))
        return _track_page(request, req, download=form, status=400)
    content = services.request_download(req=req)
    if content is None:
        form.add_error(None, _("Surat ini sudah diunduh. Minta petugas desa membukanya lagi."))
        return _track_page(request, req, download=form, status=410)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="surat-{req.code}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)
