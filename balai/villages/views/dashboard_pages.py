"""Free pages of the village site on the dashboard. Editors may write them (area "content")."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.villages import services
from balai.villages.forms import PageForm
from balai.villages.models import Page
from balai.villages.permissions import village_role_required
from balai.villages.requests import VillageRequest

# Ready-made starts for pages the checklist asks for (?jenis=privasi).
PAGE_STARTERS = {
    "privasi": {
        "title": gettext_lazy("Kebijakan Privasi"),
        "slug": "kebijakan-privasi",
        "body": gettext_lazy(
            "Situs ini tidak meminta data pribadi pengunjung.\n\n"
            "Data yang Anda kirim lewat formulir hanya dipakai untuk melayani permohonan Anda "
            "dan tidak ditampilkan kepada umum."
        ),
    },
}


def _page(request: VillageRequest, pk: int) -> Page:
    return get_object_or_404(Page.objects.for_village(request.village), pk=pk)


@village_role_required("content")
def pages(request: VillageRequest) -> HttpResponse:
    rows = Page.objects.for_village(request.village).only("title", "slug", "is_published", "order")
    return render(request, "villages/dashboard/pages.html", {"pages": rows})


def _edit(request: VillageRequest, page: Page, initial: dict | None = None) -> HttpResponse:
    form = PageForm(request.POST or None, instance=page, village=request.village, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.page_save(village=request.village, page=form.instance)
        messages.success(request, _("Halaman “%(title)s” tersimpan.") % {"title": page.title})
        return redirect("dashboard:pages", slug=request.village.slug)
    return render(request, "villages/dashboard/page_form.html", {"form": form, "page": page})


@village_role_required("content")
def page_add(request: VillageRequest) -> HttpResponse:
    starter = PAGE_STARTERS.get(request.GET.get("jenis", ""))
    initial = {key: str(value) for key, value in starter.items()} if starter else None
    return _edit(request, Page(village=request.village), initial)


@village_role_required("content")
def page_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _edit(request, _page(request, pk))


@village_role_required("content")
def page_delete(request: VillageRequest, pk: int) -> HttpResponse:
    page = _page(request, pk)
    if request.method == "POST":
        services.page_delete(village=request.village, page=page)
        messages.success(request, _("Halaman “%(title)s” dihapus.") % {"title": page.title})
        return redirect("dashboard:pages", slug=request.village.slug)
    return render(request, "villages/dashboard/page_delete.html", {"page": page})
