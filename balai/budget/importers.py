"""The APBDes import on the pipeline (balai.imports): a spreadsheet in the template's layout
or a Siskeudes export (a zip of CSV tables) for one fiscal year. Rules in imports.py and
siskeudes.py; the write replaces the year's lines and keeps the replaced ones."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.budget import imports, services, siskeudes
from balai.budget.models import BudgetLine, FiscalYear
from balai.imports.containers import ALL_KINDS
from balai.imports.errors import ImportFileError
from balai.imports.models import ImportJob
from balai.imports.registry import Changes, Columns, Context, Importer, Issues, Page, RowRef
from balai.imports.registry import register as register_importer

MAX_IMPORT_BYTES = 5 * 1024 * 1024


@register_importer
class ApbdesImporter(Importer[dict[str, Any]]):
    key = "budget.apbdes"
    domain = "budget"
    area = "budget"
    label = gettext_lazy("APBDes")
    kinds = ALL_KINDS
    max_bytes = MAX_IMPORT_BYTES
    max_rows = 20_000
    columns: ClassVar[Columns] = Columns(
        names=imports.COLUMNS,
        aliases=imports.ALIASES,
        required=imports.REQUIRED,
        refuse_unknown=False,
        search_rows=10,
    )
    summary_template = "budget/dashboard/_import_summary.html"

    def prepare(self, job: ImportJob) -> Context:
        ctx = super().prepare(job)
        year = FiscalYear.objects.for_village(job.village).filter(pk=job.params.get("fiscal_year"))
        ctx.extra["year"] = year.first()
        if ctx.extra["year"] is None:
            raise ImportFileError(_("Tahun anggaran ini sudah dihapus."))
        ctx.extra["found"] = imports.Lines()
        return ctx

    def parse(self, ctx: Context, source: Any, issues: Issues, progress: Any) -> list[Any]:
        found: imports.Lines = ctx.extra["found"]
        if ctx.job.kind == "zip":
            tables = siskeudes.tables_from(
                (t.name, [cells for _n, cells in t.rows()]) for t in source.tables()
            )
            lines, found.last_date = siskeudes.parse_siskeudes(
                tables, year=ctx.extra["year"].year, issues=issues
            )
            found.lines = lines
            ctx.extra["rows_read"] = len(tables.get("ta_rabrinci", []))
            return lines
        super().parse(ctx, source, issues, progress)
        return found.lines

    def parse_row(self, ctx: Context, ref: RowRef, cells: list[Any], issues: Issues) -> Any:
        imports.parse_row(
            dict(zip(imports.COLUMNS, cells, strict=True)), ref, issues, ctx.extra["found"]
        )
        return None

    def check_across(self, ctx: Context, rows: list[Any], issues: Issues) -> None:
        found: imports.Lines = ctx.extra["found"]
        imports.check_lines(found, issues)
        rows[:] = found.lines

    def compare(self, ctx: Context, rows: list[dict[str, Any]]) -> Changes:
        """The year's lines are replaced: new lines, changed ones, the same, and the stored
        lines the file no longer has."""
        stored = {
            (keg or "", code, source): (original, revised, description)
            for keg, code, source, original, revised, description in BudgetLine.objects.filter(
                fiscal_year=ctx.extra["year"]
            ).values_list(
                "kegiatan__code",
                "account__code",
                "source",
                "original_amount",
                "revised_amount",
                "description",
            )
        }
        added = updated = same = 0
        for line in rows:
            found = stored.pop((line["kegiatan"], line["kode"], line["sumber"]), None)
            if found is None:
                added += 1
            elif found != (line["anggaran"], line["perubahan"], line["uraian"]):
                updated += 1
            else:
                same += 1
        return Changes(added=added, updated=updated, unchanged=same, removed=len(stored))

    def summary(self, ctx: Context, rows: list[dict[str, Any]], changes: Changes) -> dict[str, Any]:
        year: FiscalYear = ctx.extra["year"]
        same_file = (
            ImportJob.objects.for_village(ctx.village)
            .filter(
                importer=self.key,
                status=ImportJob.Status.DONE,
                sha256=ctx.job.sha256,
                params__fiscal_year=year.pk,
            )
            .exclude(pk=ctx.job.pk)
            .exists()
        )
        totals = services.summary_build([imports.summary_row(line) for line in rows])["totals"]
        current = changes.updated + changes.unchanged + changes.removed
        return {
            "lines": len(rows),
            "totals": totals,
            "same_file": same_file,
            "current_lines": current,
        }

    def _realised_on(self, ctx: Context) -> date:
        given = ctx.job.params.get("realised_on")
        found: imports.Lines = ctx.extra["found"]
        return date.fromisoformat(given) if given else found.last_date or timezone.localdate()

    def write(self, ctx: Context, rows: list[dict[str, Any]], changes: Changes) -> dict[str, int]:
        from balai.audit.services import audit_record

        year: FiscalYear = ctx.extra["year"]
        written = imports.lines_replace(
            fiscal_year=year, lines=rows, realised_on=self._realised_on(ctx), job=ctx.job
        )
        audit_record(
            actor=ctx.job.uploaded_by,
            action="budget.import_apply",
            target=str(year.year),
            village=ctx.village,
            lines=written["lines"],
            replaced=written["replaced"],
        )
        return {**changes.counts(), **written}

    def page(self, job: ImportJob) -> Page:
        slug = job.village.slug
        year = FiscalYear.objects.for_village(job.village).filter(pk=job.params.get("fiscal_year"))
        fy = year.first()
        years = reverse("budget_dashboard:years", kwargs={"slug": slug})
        if fy is None:
            return Page(_("Impor APBDes"), years, _("Semua tahun"), years)
        year_url = reverse("budget_dashboard:year", kwargs={"slug": slug, "year": fy.year})
        return Page(
            title=_("Impor APBDes %(year)s") % {"year": fy.year},
            back_url=year_url,
            back_label=_("APBDes %(year)s") % {"year": fy.year},
            upload_url=reverse(
                "budget_dashboard:import_start", kwargs={"slug": slug, "year": fy.year}
            ),
            done_url=year_url,
            done_label=_("Lihat APBDes %(year)s") % {"year": fy.year},
        )
