"""The village's public PPID pages: the service profile and DIP, the request form, tracking,
objections, serta-merta notices and the annual report. Kelurahan have none of them (404)."""

from __future__ import annotations

import csv

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balai.disclosure import selectors, services
from balai.disclosure.forms import ObjectionForm, RequestForm, TrackForm
from balai.disclosure.models import EmergencyNotice, InfoRequest
from balai.lib.phone import normalize_whatsapp
from balai.villages.cache import cache_public_page
from balai.villages.templatetags.sites import site_reverse


def _desa(request: HttpRequest) -> None:
    if not selectors.has_ppid(request.village):
        raise Http404("kelurahan tidak memiliki PPID Desa")


def _dip(request: HttpRequest, year: int) -> list[selectors.DipRow]:
    return selectors.dip_rows(request.village, year, lambda name: site_reverse(request, name))


@require_safe
@cache_public_page
def index(request: HttpRequest) -> HttpResponse:
    _desa(request)
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


@require_safe
@cache_public_page
def dip(request: HttpRequest, year: int) -> HttpResponse:
    _desa(request)
    rows = _dip(request, year)
    if not rows:
        raise Http404("belum ada DIP tahun ini")
    ctx = {"year": year, "rows": rows, "years": selectors.dip_years(request.village)}
    return render(request, "disclosure/site/dip.html", ctx)


@require_safe
def dip_csv(request: HttpRequest, year: int) -> HttpResponse:
    _desa(request)
    rows = _dip(request, year)
    if not rows:
        raise Http404("belum ada DIP tahun ini")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="dip-{request.village.slug}-{year}.csv"'
    )
    response.write("\ufeff")  # Excel opens UTF-8 only with a BOM
    writer = csv.writer(response)
    writer.writerow(
        [
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
    )
    base = request.build_absolute_uri("/")[:-1]
    for row in rows:
        item = row.item
        href = (base + row.href if row.href.startswith("/") else row.href) if row.href else ""
        writer.writerow(
            _csv_safe(
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
            )
        )
    return response


def _csv_safe(*cells: str) -> list[str]:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return [f"'{c}" if c[:1] in ("=", "+", "-", "@") else c for c in map(str, cells)]


def request_form(request: HttpRequest) -> HttpResponse:
    _desa(request)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        info = services.request_submit(
            village=request.village, data=form.cleaned_data, channel=InfoRequest.Channel.WEB
        )
        return redirect(site_reverse(request, "disclosure_track", token=info.token) + "?baru=1")
    profile = selectors.profile_for(request.village)
    return render(request, "disclosure/site/request_form.html", {"form": form, "profile": profile})


def track_form(request: HttpRequest) -> HttpResponse:
    """Find a request by its number and the email or phone given with it."""
    _desa(request)
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        number = form.cleaned_data["number"].strip().upper()
        secret = form.cleaned_data["code"].strip()
        found = InfoRequest.objects.for_village(request.village).filter(number=number).first()
        phone = normalize_whatsapp(secret)
        if found and (
            (found.email and found.email.lower() == secret.lower())
            or (phone and found.phone == phone)
        ):
            return redirect(site_reverse(request, "disclosure_track", token=found.token))
        form.add_error(
            None, _("Nomor registrasi dan email/nomor HP tidak cocok dengan permohonan mana pun.")
        )
    return render(request, "disclosure/site/track_form.html", {"form": form})


def track(request: HttpRequest, token: str) -> HttpResponse:
    _desa(request)
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


def objection_form(request: HttpRequest, token: str) -> HttpResponse:
    _desa(request)
    info = selectors.request_by_token(request.village, token)
    if info is None:
        raise Http404("permohonan tidak ditemukan")
    form = ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.objection_file(info=info, **form.cleaned_data)
        except services.DisclosureError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(site_reverse(request, "disclosure_track", token=info.token))
    response = render(request, "disclosure/site/objection_form.html", {"form": form, "info": info})
    response["Referrer-Policy"] = "same-origin"
    return response


@require_safe
@cache_public_page
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    _desa(request)
    found = get_object_or_404(EmergencyNotice.objects.for_village(request.village), pk=pk)
    return render(request, "disclosure/site/notice.html", {"notice": found})


@require_safe
@cache_public_page
def report(request: HttpRequest, year: int | None = None) -> HttpResponse:
    _desa(request)
    years = selectors.report_years(request.village)
    year = year or (years[0] if years else timezone.localdate().year)
    if years and year not in years:
        raise Http404("belum ada laporan tahun ini")
    ctx = {"report": selectors.annual_report(request.village, year), "years": years}
    return render(request, "disclosure/site/report.html", ctx)


def track_file(request: HttpRequest, token: str) -> FileResponse:
    """The answer's file, for whoever holds the tracking link (the requester)."""
    _desa(request)
    info = selectors.request_by_token(request.village, token)
    if info is None or not info.answer_file:
        raise Http404("berkas tidak ditemukan")
    ext = info.answer_file.name.rsplit(".", 1)[-1]
    response = FileResponse(
        info.answer_file.open("rb"), as_attachment=True, filename=f"{info.number}.{ext}"
    )
    response["Cache-Control"] = "private, no-store"
    return response
