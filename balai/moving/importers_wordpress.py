"""The move from WordPress on the import pipeline: the WXR export (and the zip of
`wp-content/uploads/`, optional) checked as a dry run whose report lists what moves, every
picture missing and every comment or shortcode left behind; one confirmation writes posts,
pages, comments and old addresses in one transaction, or nothing. A second run adds nothing."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from typing import Any, ClassVar

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.imports.errors import ImportFileError
from balai.imports.registry import Changes, Context, Importer, Issues, Page, RowRef
from balai.imports.registry import register as register_importer
from balai.moving.content import Stored
from balai.moving.wordpress import (
    WordPressPlan,
    WxrProblem,
    new_counts,
    plan_wordpress,
    read_wxr,
    write_wordpress,
)


@register_importer
class WordPressImporter(Importer[RowRef]):
    key = "moving.wordpress"
    domain = "moving"
    area = "personal"
    label = gettext_lazy("Ekspor WordPress (WXR)")
    kinds: ClassVar[frozenset[str]] = frozenset({"wxr"})
    reader = "file"
    max_rows = 20_000
    summary_template = "moving/dashboard/_wordpress_summary.html"

    def parse(
        self, ctx: Context, source: Any, issues: Issues, progress: Callable[[int, int], None]
    ) -> list[RowRef]:
        from balai.moving.importers import _folder

        try:
            with open(str(source), "rb") as handle:
                wxr = read_wxr(handle, max_items=self.max_rows)
        except WxrProblem as problem:
            raise ImportFileError(str(problem)) from problem
        progress(50, 100)
        work = tempfile.TemporaryDirectory(prefix="balai-wp-")
        ctx.extra["folder"] = work  # removed with the context, after the run
        try:
            folder = _folder(ctx, folder_dir=work.name)
        except ImportFileError as problem:
            raise ImportFileError(
                _("Zip folder uploads ditolak: %(why)s") % {"why": str(problem)}
            ) from problem
        plan = plan_wordpress(wxr, folder, issues)
        ctx.extra["plan"] = plan
        rows = [item["ref"] for item in (*plan.posts, *plan.pages)]
        ctx.extra["rows_read"] = len(rows)
        return rows

    def compare(self, ctx: Context, rows: list[RowRef]) -> Changes:
        added, unchanged = new_counts(ctx.village, ctx.extra["plan"])
        return Changes(added=added, unchanged=unchanged)

    def row_ref(self, row: RowRef) -> RowRef:
        return row

    def summary(self, ctx: Context, rows: list[RowRef], changes: Changes) -> dict[str, Any]:
        plan: WordPressPlan = ctx.extra["plan"]
        return {
            "source": {"name": plan.wxr.title, "site": plan.wxr.site, "version": plan.wxr.version},
            "counts": plan.counts,
            "not_moved": plan.not_moved,
            "shortcodes": plan.shortcodes,
            "skipped_types": plan.wxr.skipped_types,
            "folder": bool(ctx.job.params.get("uploads")),
        }

    def write(self, ctx: Context, rows: list[RowRef], changes: Changes) -> dict[str, int]:
        from balai.audit.services import audit_record

        plan: WordPressPlan = ctx.extra["plan"]
        stored = Stored()
        try:
            written = write_wordpress(ctx.village, plan, ctx.job.uploaded_by, stored)
        except Exception:
            stored.discard()
            raise
        # The job itself records the run (its report, its file); no Move row, which holds
        # OpenSID's archive of rows that did not move.
        audit_record(
            actor=ctx.job.uploaded_by,
            village=ctx.village,
            action="moving.wordpress",
            target=_("impor %(n)s") % {"n": ctx.job.pk},
            site=plan.wxr.site[:200],
            posts=written["posts"],
            pages=written["pages"],
            comments=written["comments"],
        )
        added = written["posts"] + written["pages"] + written["comments"]
        return {"added": added, "updated": 0, "unchanged": written["unchanged"]}

    def page(self, job: Any) -> Page:
        start = reverse("moving_dashboard:wordpress", kwargs={"slug": job.village.slug})
        return Page(
            title=_("Hasil pemeriksaan ekspor WordPress"),
            back_url=start,
            back_label=_("Pindah dari WordPress"),
            upload_url=start,
            done_url=reverse("news_dashboard:list", kwargs={"slug": job.village.slug}),
            done_label=_("Lihat berita"),
        )
