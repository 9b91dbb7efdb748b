"""The district admin's open-data settings: licence, publisher, contact, default frequency."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balai.opendata.catalogue import opendata_settings
from balai.opendata.forms import SettingsForm
from balai.opendata.services import settings_save
from balai.villages.permissions import district_admin_required
from balai.villages.requests import SignedInRequest


@district_admin_required
def settings(request: SignedInRequest) -> HttpResponse:
    form = SettingsForm(request.POST or None, instance=opendata_settings())
    if request.method == "POST" and form.is_valid():
        settings_save(form=form, actor=request.user)
        messages.success(request, _("Pengaturan data terbuka disimpan."))
        return redirect("opendata_district_dashboard:settings")
    return render(request, "opendata/district_dashboard/settings.html", {"form": form})
