"""The village site's complaint pages: the public list of answered complaints (cacheable), the
complaint form, and tracking by code or by the signed link.

The form and the code lookup are rate-limited per visitor (their own address behind the proxy).
A wrong code, a guessed one, a code of another village and a tampered link all get the same
answer; past the limit every lookup is refused, right or wrong, so counting answers tells a
guesser nothing. Tracking pages are `private, no-store` and send no referrer to other sites.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.complaints import selectors, services
from balai.complaints.forms import ComplaintForm, FollowUpForm, TrackForm
from balai.complaints.models import Complaint
from balai.lib.cache_control import no_store
from balai.lib.net import client_network
from balai.lib.pagination import paginate
from balai.lib.ratelimit import Limit, rate_limit_hit, too_many_message
from balai.villages.cache import cache_public_page
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse

SEND_LIMIT = Limit(5, 60 * 60)  # complaints per visitor per hour, per village
TRACK_LIMIT = Limit(10, 15 * 60)  # code lookups per visitor
FOLLOW_UP_LIMIT = Limit(10, 60 * 60)
PER_PAGE = 20


def _refused(request: VillageRequest, scope: str, limit: Limit) -> bool:
    value = f"{request.village.pk}:{client_network(request)}"
    return rate_limit_hit(scope=scope, value=value, limit=limit)


def not_found_message() -> str:
    return _("Kode lacak tidak ditemukan. Periksa lagi huruf dan angkanya.")


@require_safe
@cache_public_page
def index(request: VillageRequest) -> HttpResponse:
    listed = selectors.public_list_on(request.village)
    page = (
        paginate(request, selectors.public_complaints(request.village), PER_PAGE)
        if listed
        else None
    )
    ctx = {"page": page, "listed": listed}
    return render(request, "complaints/site/index.html", ctx)


def send(request: VillageRequest) -> HttpResponse:
    form = ComplaintForm(request.POST or None, request.FILES or None, village=request.village)
    error = ""
    if request.method == "POST" and form.is_valid():
        if _refused(request, "complaints.send", SEND_LIMIT):
            error = too_many_message(SEND_LIMIT)
        else:
            data = form.cleaned_data
            complaint = services.complaint_submit(
                village=request.village, data=data, photo=data.get("photo")
            )
            token = selectors.tracking_token(complaint)
            return redirect(site_reverse(request, "complaints_track", token=token) + "?baru=1")
    ctx = {"form": form, "limit_error": error}
    return render(request, "complaints/site/send.html", ctx, status=429 if error else 200)


@no_store
def track_form(request: VillageRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _refused(request, "complaints.track", TRACK_LIMIT):
            form.add_error(None, too_many_message(TRACK_LIMIT))
            status = 429
        else:
            found = selectors.complaint_by_code(request.village, form.cleaned_data["code"])
            if found is not None:
                token = selectors.tracking_token(found)
                return redirect(site_reverse(request, "complaints_track", token=token))
            form.add_error("code", not_found_message())
    return _private(
        render(request, "complaints/site/track_form.html", {"form": form}, status=status)
    )


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"  # the link must not leak to other sites
    return response


@no_store
def track(request: VillageRequest, token: str) -> HttpResponse:
    complaint = selectors.complaint_by_token(request.village, token)
    if complaint is None:  # a tampered or foreign link: the answer of a wrong code
        lookup = TrackForm({"code": ""})
        lookup.is_valid()
        lookup.errors["code"] = lookup.error_class([not_found_message()])
        return _private(render(request, "complaints/site/track_form.html", {"form": lookup}))
    form = FollowUpForm(request.POST or None)
    status = 200
    if request.method == "POST" and complaint.status != Complaint.Status.CLOSED and form.is_valid():
        if _refused(request, "complaints.follow_up", FOLLOW_UP_LIMIT):
            form.add_error(None, too_many_message(FOLLOW_UP_LIMIT))
            status = 429
        else:
            services.complaint_follow_up(complaint=complaint, text=form.cleaned_data["text"])
            return redirect(site_reverse(request, "complaints_track", token=token) + "#riwayat")
    ctx = {
        "complaint": complaint,
        "token": token,
        "link": request.build_absolute_uri(site_reverse(request, "complaints_track", token=token)),
        "history": selectors.complaint_history(complaint, for_complainant=True),
        "form": form,
        "is_new": request.GET.get("baru") == "1",
        "can_follow_up": complaint.status != Complaint.Status.CLOSED,
    }
    return _private(render(request, "complaints/site/track.html", ctx, status=status))
