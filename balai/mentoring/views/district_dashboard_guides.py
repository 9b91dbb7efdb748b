"""How-to guides: any signed-in person reads and searches them; district admins write them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from balai.mentoring.forms import GuideForm
from balai.mentoring.models import Guide
from balai.mentoring.services import guide_save
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest


@login_required
def guides(request: SignedInRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    rows = (
        Guide.objects.all()
        if request.user.is_district_admin
        else Guide.objects.filter(is_published=True)
    )
    if query:
        rows = rows.filter(
            Q(title__icontains=query) | Q(summary__icontains=query) | Q(body__icontains=query)
        )
    return render(
        request, "mentoring/district_dashboard/guides.html", {"guides": rows, "query": query}
    )


@login_required
def guide(request: SignedInRequest, guide_slug: str) -> HttpResponse:
    rows = (
        Guide.objects.all()
        if request.user.is_district_admin
        else Guide.objects.filter(is_published=True)
    )
    item = get_object_or_404(rows.prefetch_related("images"), slug=guide_slug)
    return render(request, "mentoring/district_dashboard/guide.html", {"guide": item})


def _edit(request: SignedInRequest, item: Guide) -> HttpResponse:
    form = GuideForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        guide_save(
            guide=form.instance,
            screenshot=form.cleaned_data.get("screenshot"),
            alt=form.cleaned_data.get("screenshot_alt", ""),
        )
        messages.success(request, _("Panduan tersimpan."))
        return redirect("mentoring_district_dashboard:guide", guide_slug=form.instance.slug)
    status = 400 if form.errors else 200
    return render(
        request,
        "mentoring/district_dashboard/guide_form.html",
        {"form": form, "guide": item},
        status=status,
    )


@district_admin_required
def guide_add(request: SignedInRequest) -> HttpResponse:
    return _edit(request, Guide())


@district_admin_required
def guide_edit(request: SignedInRequest, guide_slug: str) -> HttpResponse:
    return _edit(request, get_object_or_404(Guide, slug=guide_slug))
