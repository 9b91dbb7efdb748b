"""The district's side of mentoring: the help queue (a mentor sees their villages') and mentor
coverage."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import render

from balai.lib.pagination import paginate
from balai.mentoring import selectors
from balai.mentoring.models import HelpRequest
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest

PER_PAGE = 50


def queue(request: SignedInRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    ids = None if request.user.is_district_admin else selectors.mentor_village_ids(request.user)
    if ids == []:
        raise Http404("halaman tidak ditemukan")
    status = request.GET.get("status", "")
    overdue = request.GET.get("terlambat") == "1"
    scope = selectors.help_scope(user=request.user, status=status, village_ids=ids)
    rows = selectors.help_queue(user=request.user, status=status, overdue=overdue, village_ids=ids)
    page = paginate(request, rows, PER_PAGE)
    ctx = {
        "page": page,
        "rows": [(r, selectors.response_hours(r)) for r in page],
        "summary": selectors.response_summary(scope),
        "late": selectors.help_queue(
            user=request.user, status=status, overdue=True, village_ids=ids
        ).count(),
        "status_options": HelpRequest.Status.choices,
        "chosen_status": status,
        "overdue": overdue,
        "overdue_hours": int(selectors.ESCALATE_AFTER.total_seconds() // 3600),
    }
    return render(request, "mentoring/district_dashboard/queue.html", ctx)


@district_admin_required
def coverage(request: SignedInRequest) -> HttpResponse:
    ctx = selectors.mentor_coverage()
    return render(request, "mentoring/district_dashboard/coverage.html", ctx)
