"""The village's public PPID pages: the service profile and DIP, the request form, tracking,
objections, serta-merta notices and the annual report. Kelurahan have none of them (404).

The request form, the tracking lookup and the objection form are rate-limited per visitor
(their own address behind the proxy); the lookup also per request number, since a number is
easy to guess and only the contact given with it opens the request."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.disclosure import selectors, services
from balai.disclosure.forms import ObjectionForm, RequestForm, TrackForm
from balai.disclosure.models import EmergencyNotice, InfoRequest
from balai.lib.exports import csv_response
from balai.lib.net import client_network
from balai.lib.ratelimit import Limit, rate_limit_hit, too_many_message
from balai.villages.cache import cache_public_page
from balai.villages.permissions import desa_only
from balai.villages.requests import VillageRequest
from balai.villages.templatetags.sites import site_reverse

TRACK_LIMIT = Limit(10, 15 * 60)  # lookups per visitor, and per request number
REQUEST_LIMIT = Limit(10, 60 * 60)  # requests filed per visitor
OBJECTION_LIMIT = Limit(5, 60 * 60)  # objections filed per visitor


def _refused(request: VillageRequest, scope: str, limit: Limit) -> bool:
    """Count one attempt by this visitor in this village; True when it is one too many."""
    value = f"{request.village.pk}:{client_network(request)}"
    return rate_limit_hit(scope=scope, value=value, limit=limit)


def _dip(request: VillageRequest, year: int) -> list[selectors.DipRow]:
    return selectors.dip_rows(
        request.village, year, lambda name, **kwargs: site_reverse(request, name, **kwargs)
    )


@desa_only()
@require_safe
@cache_public_page
def index(request: VillageRequest) -> HttpResponse:
    village = request.village
    years = selectors.dip_years(village)
    year = timezone.localdate().year if timezone.localdate().year in years else (years or [0])[0]
    rows = _dip(request, year) if year else []
    ctx = {
        "profile": selectors.profile_for(village),
        "year": year,
        "years": years,
        "rows": rows,
        "report_years": selectors.report_years(village),
    }
    return render(request, "disclosure/site/index.html", ctx)


@desa_only()
@require_safe
@cache_public_page
def dip(request: VillageRequest, year: int) -> HttpResponse:
    rows = _dip(request, year)
    if not rows:
        raise Http404("belum ada DIP tahun ini")
    ctx = {"year": year, "rows": rows, "years": selectors.dip_years(request.village)}
    return render(request, "disclosure/site/dip.html", ctx)


@desa_only()
@require_safe
def dip_csv(request: VillageRequest, year: int) -> HttpResponse:
    rows = _dip(request, year)
    if not rows:
        raise Http404("belum ada DIP tahun ini")
    head = [
        _("Golongan"),
        _("Judul informasi"),
        _("Ringkasan"),
        _("Pejabat yang menguasai"),
        _("Tanggal pembuatan"),
        _("Bentuk"),
        _("Jangka waktu penyimpanan"),
        _("Tautan"),
        _("Dasar hukum pengecualian"),
        _("Uji konsekuensi"),
    ]
    base = request.build_absolute_uri("/")[:-1]
    lines = []
    for row in rows:
        item = row.item
        href = (base + row.href if row.href.startswith("/") else row.href) if row.href else ""
        lines.append(
            [
                item.get_category_display(),
                item.title,
                item.summary,
                item.responsible,
                item.made_on.isoformat() if item.made_on else "",
                item.format,
                item.retention,
                href,
                item.legal_ground,
                item.consequence_test,
            ]
        )
    filename = f"dip-{request.village.slug}-{year}.csv"
    return csv_response(filename, [head, *lines], personal=False)


@desa_only()
def request_form(request: VillageRequest) -> HttpResponse:
    form = RequestForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _refused(request, "ppid.request", REQUEST_LIMIT):
            form.add_error(None, too_many_message(REQUEST_LIMIT))
            status = 429
        else:
            info = services.request_submit(
                village=request.village, data=form.cleaned_data, channel=InfoRequest.Channel.WEB
            )
            url = site_reverse(request, "disclosure_track", token=info.token)
            return redirect(url + "?baru=1")
    profile = selectors.profile_for(request.village)
    ctx = {"form": form, "profile": profile}
    return render(request, "disclosure/site/request_form.html", ctx, status=status)


def _track_refused(request: VillageRequest, number: str) -> bool:
    """One lookup counted per visitor and per request number: neither one visitor nor many
    may try contact after contact on a number."""
    by_visitor = _refused(request, "ppid.track", TRACK_LIMIT)
    by_number = rate_limit_hit(
        scope="ppid.track.number", value=f"{request.village.pk}:{number}", limit=TRACK_LIMIT
    )
    return by_visitor or by_number


@desa_only()
def track_form(request: VillageRequest) -> HttpResponse:
    """Find a request by its number and the email or phone given with it."""
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        number = form.cleaned_data["number"].strip().upper()
        if _track_refused(request, number):
            form.add_error(None, too_many_message(TRACK_LIMIT))
            return render(request, "disclosure/site/track_form.html", {"form": form}, status=429)
        found = selectors.request_by_contact(
            request.village, number=number, contact=form.cleaned_data["code"]
        )
        if found is not None:
            return redirect(site_reverse(request, "disclosure_track", token=found.token))
        form.add_error(
            None, _("Nomor registrasi dan email/nomor HP tidak cocok dengan permohonan mana pun.")
        )
    return render(request, "disclosure/site/track_form.html", {"form": form}, status=status)


@desa_only()
def track(request: VillageRequest, token: str) -> HttpResponse:
    info = selectors.request_by_token(request.village, token)
    if info is None:
        raise Http404("permohonan tidak ditemukan")
    ctx = {
        "info": info,
        "objections": list(info.objections.all()),
        "is_new": request.GET.get("baru") == "1",
        "today": services.today(),
        "objection_until": services.objection_window_end(info),
        "can_object": _can_object(info),
    }
    response = render(request, "disclosure/site/track.html", ctx)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"  # the token must not leak to other sites
    return response


def _can_object(info: InfoRequest) -> bool:
    today = services.today()
    started = not info.is_open or today > info.due_on
    pending = any(o.is_open for o in info.objections.all())
    return started and not pending and today <= services.objection_window_end(info)


@desa_only()
def objection_form(request: VillageRequest, token: str) -> HttpResponse:
    info = selectors.request_by_token(request.village, token)
    if info is None:
        raise Http404("permohonan tidak ditemukan")
    form = ObjectionForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _refused(request, "ppid.objection", OBJECTION_LIMIT):
            form.add_error(None, too_many_message(OBJECTION_LIMIT))
            status = 429
        else:
            try:
                services.objection_file(info=info, **form.cleaned_data)
            except services.DisclosureError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect(site_reverse(request, "disclosure_track", token=info.token))
    ctx = {"form": form, "info": info}
    response = render(request, "disclosure/site/objection_form.html", ctx, status=status)
    response["Referrer-Policy"] = "same-origin"
    return response


@desa_only()
@require_safe
@cache_public_page
def notice(request: VillageRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(EmergencyNotice.objects.for_village(request.village), pk=pk)
    return render(request, "disclosure/site/notice.html", {"notice": found})


@desa_only()
@require_safe
@cache_public_page
def report(request: VillageRequest, year: int | None = None) -> HttpResponse:
    years = selectors.report_years(request.village)
    year = year or (years[0] if years else timezone.localdate().year)
    if years and year not in years:
        raise Http404("belum ada laporan tahun ini")
    ctx = {"report": selectors.annual_report(request.village, year), "years": years}
    return render(request, "disclosure/site/report.html", ctx)


def track_file(request: VillageRequest, token: str) -> FileResponse:
    """The answer's file, for whoever holds the tracking link (the requester). A kelurahan has
    no requests (the service refuses them), so the lookup is 404 there too."""
    info = selectors.request_by_token(request.village, token)
    if info is None or not info.answer_file:
        raise Http404("berkas tidak ditemukan")
    return services.answer_file_response(info)
