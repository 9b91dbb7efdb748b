"""Development projects on the dashboard: list, add, edit, delete, progress reports."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.budget import project_services
from balai.budget.forms import ProgressForm, ProjectForm
from balai.budget.models import FiscalYear, ProgressReport, Project
from balai.villages.permissions import desa_only, village_role_required
from balai.villages.requests import VillageRequest


def _project(request: VillageRequest, pk: int) -> Project:
    return get_object_or_404(Project.objects.for_village(request.village), pk=pk)


def _to_list(request: VillageRequest) -> HttpResponse:
    return redirect("budget_dashboard:projects", slug=request.village.slug)


@village_role_required("budget")
@desa_only()
def projects(request: VillageRequest) -> HttpResponse:
    rows = Project.objects.for_village(request.village).select_related("fiscal_year")
    has_years = FiscalYear.objects.for_village(request.village).exists()
    return render(
        request, "budget/dashboard/projects.html", {"projects": rows, "has_years": has_years}
    )


def _edit(request: VillageRequest, project: Project) -> HttpResponse:
    form = ProjectForm(request.POST or None, instance=project, village=request.village)
    if request.method == "POST" and form.is_valid():
        project_services.project_save(
            project=form.instance, lines=form.cleaned_data["lines"], actor=request.user
        )
        messages.success(request, _("%(name)s tersimpan.") % {"name": project.name})
        return _to_list(request)
    return render(request, "budget/dashboard/project_form.html", {"form": form, "project": project})


@village_role_required("budget")
@desa_only()
def project_add(request: VillageRequest) -> HttpResponse:
    return _edit(request, Project(village=request.village))


@village_role_required("budget")
@desa_only()
def project_edit(request: VillageRequest, pk: int) -> HttpResponse:
    return _edit(request, _project(request, pk))


@village_role_required("budget")
@desa_only()
def project_delete(request: VillageRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if request.method == "POST":
        project_services.project_delete(project=project, actor=request.user)
        messages.success(request, _("%(name)s dihapus.") % {"name": project.name})
        return _to_list(request)
    return render(request, "budget/dashboard/project_delete.html", {"project": project})


@village_role_required("budget")
@desa_only()
def report_add(request: VillageRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    report = ProgressReport(village=request.village, project=project, date=timezone.localdate())
    form = ProgressForm(request.POST or None, request.FILES or None, instance=report)
    if request.method == "POST" and form.is_valid():
        project_services.progress_report_add(
            project=project,
            report=form.instance,
            photo=form.cleaned_data["photo"],
            actor=request.user,
        )
        messages.success(request, _("Laporan kemajuan tersimpan."))
        return _to_list(request)
    return render(
        request,
        "budget/dashboard/report_form.html",
        {"form": form, "project": project, "reports": project.reports.all()},
    )
