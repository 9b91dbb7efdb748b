"""The district's people page: roles, district admins, kecamatan viewers, new staff accounts."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.accounts.models import User
from balai.lib.pagination import paginate
from balai.portal import forms, selectors, services
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest


def _people_page(request: SignedInRequest, status: int = 200, **forms_) -> HttpResponse:
    page = paginate(request, selectors.people(), 50)
    ctx = {
        "page": page,
        "viewer_form": forms_.get("viewer_form") or forms.KecamatanViewerForm(),
        "create_form": forms_.get("create_form") or forms.StaffUserForm(),
    }
    return render(request, "portal/district_dashboard/people.html", ctx, status=status)


@district_admin_required
def people(request: SignedInRequest) -> HttpResponse:
    return _people_page(request)


@district_admin_required
@require_POST
def district_admin(request: SignedInRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(User, pk=user_id)
    grant = request.POST.get("grant") == "1"
    try:
        services.district_admin_set(user=user, grant=grant, actor=request.user)
    except services.DistrictError as exc:
        messages.error(request, str(exc))
    else:
        done = (
            _("%(name)s kini admin kabupaten.")
            if grant
            else _("%(name)s bukan lagi admin kabupaten.")
        )
        messages.success(request, done % {"name": user.name or user.email})
    return redirect("district:people")


@district_admin_required
@require_POST
def viewer_add(request: SignedInRequest) -> HttpResponse:
    form = forms.KecamatanViewerForm(request.POST)
    if not form.is_valid():
        return _people_page(request, 400, viewer_form=form)
    services.kecamatan_viewer_add(
        user=form.cleaned_data["email"],
        kecamatan=form.cleaned_data["kecamatan"],
        actor=request.user,
    )
    messages.success(request, _("Pemantau kecamatan ditambahkan."))
    return redirect("district:people")


@district_admin_required
@require_POST
def viewer_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    services.kecamatan_viewer_remove(viewer_id=pk, actor=request.user)
    messages.success(request, _("Pemantau kecamatan dicabut."))
    return redirect("district:people")


@district_admin_required
@require_POST
def user_create(request: SignedInRequest) -> HttpResponse:
    form = forms.StaffUserForm(request.POST)
    if form.is_valid():
        try:
            user = services.staff_user_create(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                kecamatan=form.cleaned_data["kecamatan"],
                actor=request.user,
            )
        except services.DistrictError as exc:
            form.add_error("email", str(exc))
    if form.errors:
        return _people_page(request, 400, create_form=form)
    messages.success(
        request,
        _("Akun %(email)s dibuat. Tautan untuk membuat kata sandi sudah dikirim lewat email.")
        % {"email": user.email},
    )
    return redirect("district:people")
