"""The budget's figures in the village-at-a-glance panel (balai/villages/glance.py): the APBDes
of the current year (or the latest before it) with its realisation, from the fiscal year's stored
totals, and the development projects still running. A kelurahan has no APBDes."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from balai.budget.models import FiscalYear, Project
from balai.budget.selectors import PUBLIC, published_projects
from balai.lib.numbers import angka, percent, short_rupiah
from balai.villages.glance import Figure, GlanceItem
from balai.villages.models import Village


def _budget_item(years: QuerySet[FiscalYear], url_name: str) -> GlanceItem | None:
    row = (
        years.filter(status__in=PUBLIC, year__lte=timezone.localdate().year)
        .values("year")
        .annotate(budget=Sum("spending_budget"), realised=Sum("spending_realised"))
        .order_by("-year")
        .first()
    )
    if row is None or not row["budget"]:
        return None
    year = row["year"]
    detail = _("realisasi %(pct)s") % {"pct": percent(row["realised"], row["budget"])}
    label = _("APBDes %(year)s") % {"year": year}
    if url_name == "budget_year":
        return GlanceItem(label, short_rupiah(row["budget"]), detail, url_name, {"tahun": year})
    # The district page opens on its latest year, which in December may be the next one.
    query = f"tahun={year}"
    return GlanceItem(label, short_rupiah(row["budget"]), detail, url_name, query=query)


def village_budget(village: Village) -> GlanceItem | None:
    if village.is_kelurahan:
        return None
    return _budget_item(FiscalYear.objects.for_village(village), "budget_year")


def district_budget() -> GlanceItem | None:
    years = FiscalYear.objects.filter(village__status=Village.Status.LIVE).exclude(
        village__region__type="kelurahan"
    )
    return _budget_item(years, "budget_district:overview")


def _projects_item(projects: QuerySet[Project], url_name: str) -> GlanceItem | None:
    counts = projects.aggregate(total=Count("id"), running=Count("id", filter=Q(progress__lt=100)))
    if not counts["total"]:
        return None
    total = counts["total"]
    detail = ngettext("berjalan dari %(n)s kegiatan", "berjalan dari %(n)s kegiatan", total) % {
        "n": angka(total)
    }
    return GlanceItem(_("Pembangunan"), angka(counts["running"]), detail, url_name)


def village_projects(village: Village) -> GlanceItem | None:
    if village.is_kelurahan:
        return None
    return _projects_item(published_projects(village).order_by(), "budget_projects")


def district_projects() -> GlanceItem | None:
    # The district has no list of projects of its own: the figure stands without a link.
    projects = Project.objects.filter(
        is_published=True,
        fiscal_year__status__in=PUBLIC,
        village__status=Village.Status.LIVE,
    ).exclude(village__region__type="kelurahan")
    return _projects_item(projects, "")


FIGURES = [
    Figure("budget", 20, village_budget, district_budget),
    Figure("projects", 30, village_projects, district_projects),
]
