"""Welfare imports on the pipeline (balai.imports): recipient lists of one programme, and the
household welfare ranking. Row rules in import_rows and import_ranking."""

from __future__ import annotations

from typing import Any, ClassVar

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.imports.errors import ImportFileError
from balai.imports.registry import Changes, Columns, Context, Importer, Issues, Page, RowRef
from balai.imports.registry import register as register_importer
from balai.welfare import import_ranking, import_rows
from balai.welfare.models import Programme


class _WelfareImporter(Importer[Any]):
    domain = "welfare"
    area = "personal"
    max_rows = 50_000

    def _page(self, job: Any, subtitle: str, done_url: str, done_label: str) -> Page:
        slug = job.village.slug
        imports = reverse("welfare_dashboard:imports", kwargs={"slug": slug})
        programme = job.params.get("programme")
        return Page(
            title=_("Hasil pemeriksaan berkas"),
            subtitle=subtitle,
            back_url=imports,
            back_label=_("Impor"),
            upload_url=f"{imports}?program={programme}" if programme else imports,
            done_url=done_url,
            done_label=done_label,
        )

    def after_write(self, ctx: Context) -> None:
        from balai.welfare.figures import figures_changed

        figures_changed(village=ctx.village)

    def _audit(self, ctx: Context, written: dict[str, int]) -> None:
        from balai.audit.services import audit_record

        audit_record(
            actor=ctx.job.uploaded_by,
            village=ctx.village,
            action="welfare.import_apply",
            target=_("impor %(n)s") % {"n": ctx.job.pk},
            rows=written.get("added", 0) + written.get("updated", 0),
        )


@register_importer
class RecipientsImporter(_WelfareImporter):
    key = "welfare.recipients"
    label = gettext_lazy("Penerima bantuan")
    columns: ClassVar[Columns] = Columns(
        names=tuple(import_rows.RECIPIENT_COLUMNS), any_of=("nik", "no_kk")
    )

    def prepare(self, job: Any) -> Context:
        ctx = super().prepare(job)
        programme = Programme.objects.for_village(job.village).filter(
            pk=job.params.get("programme")
        )
        ctx.extra["programme"] = programme.first()
        if ctx.extra["programme"] is None:
            raise ImportFileError(_("Program bantuan ini sudah dihapus."))
        ctx.extra["register"] = import_rows.Register(job.village)
        return ctx

    def parse_row(self, ctx: Context, ref: RowRef, cells: list[Any], issues: Issues) -> Any:
        named = dict(zip(import_rows.RECIPIENT_COLUMNS, cells, strict=True))
        return import_rows.parse_recipient(
            ctx.extra["programme"], ctx.extra["register"], ref, named, issues
        )

    def check_across(self, ctx: Context, rows: list[Any], issues: Issues) -> None:
        import_rows.check_recipients(ctx.extra["programme"], rows, issues)

    def compare(self, ctx: Context, rows: list[Any]) -> Changes:
        return import_rows.compare_recipients(ctx.extra["programme"], rows)

    def write(self, ctx: Context, rows: list[Any], changes: Changes) -> dict[str, int]:
        written = import_rows.write_recipients(ctx.extra["programme"], changes)
        self._audit(ctx, written)
        return written

    def page(self, job: Any) -> Page:
        programme = (
            Programme.objects.for_village(job.village)
            .filter(pk=job.params.get("programme"))
            .first()
        )
        done = (
            reverse(
                "welfare_dashboard:recipients",
                kwargs={"slug": job.village.slug, "pk": programme.pk},
            )
            if programme
            else ""
        )
        name = programme.name if programme else _("program yang sudah dihapus")
        return self._page(job, name, done, _("Lihat daftar penerima"))


@register_importer
class RankingImporter(_WelfareImporter):
    key = "welfare.ranking"
    label = gettext_lazy("Desil kesejahteraan")
    columns: ClassVar[Columns] = Columns(
        names=tuple(import_ranking.RANKING_COLUMNS), any_of=("nik", "no_kk")
    )

    def prepare(self, job: Any) -> Context:
        ctx = super().prepare(job)
        ctx.extra["register"] = import_rows.Register(job.village)
        return ctx

    def parse_row(self, ctx: Context, ref: RowRef, cells: list[Any], issues: Issues) -> Any:
        named = dict(zip(import_ranking.RANKING_COLUMNS, cells, strict=True))
        return import_ranking.parse_rank(ctx.extra["register"], ref, named, issues)

    def check_across(self, ctx: Context, rows: list[Any], issues: Issues) -> None:
        import_ranking.check_ranks(rows, issues)

    def compare(self, ctx: Context, rows: list[Any]) -> Changes:
        return import_ranking.compare_ranks(ctx.village, rows)

    def write(self, ctx: Context, rows: list[Any], changes: Changes) -> dict[str, int]:
        written = import_ranking.write_ranks(ctx.village, rows, changes)
        self._audit(ctx, written)
        return written

    def page(self, job: Any) -> Page:
        done = reverse("welfare_dashboard:ranking", kwargs={"slug": job.village.slug})
        return self._page(job, _("Desil kesejahteraan"), done, _("Lihat peringkat"))
