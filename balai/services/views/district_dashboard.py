"""The district's default services (copied into each new village's catalogue) and the online
requests waiting in every village."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from balai.services import selectors
from balai.services.forms import DefaultServiceForm
from balai.services.models import DefaultService
from balai.villages.permissions import district_admin_required


@district_admin_required
def index(request) -> HttpResponse:
    ctx = {"defaults": DefaultService.objects.all(), "villages": selectors.district_counts()}
    return render(request, "services/district_dashboard/index.html", ctx)


@district_admin_required
def default_add(request) -> HttpResponse:
    return _edit(request, DefaultService(), created=True)


@district_admin_required
def default_edit(request, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(DefaultService, pk=pk), created=False)


def _edit(request, default: DefaultService, *, created: bool) -> HttpResponse:
    form = DefaultServiceForm(request.POST or None, instance=default)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Layanan bawaan %(name)s disimpan.") % {"name": default.name})
        return redirect("services_district_dashboard:index")
    status = 400 if request.method == "POST" else 200
    ctx = {"form": form, "default": default, "created": created}
    return render(request, "services/district_dashboard/default_form.html", ctx, status=status)
