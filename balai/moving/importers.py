"""The move from OpenSID on the import pipeline: the village admin uploads the backup on the
dashboard, the worker checks it (a task with a progress bar; the report lists what will move,
every refused row by OpenSID table and id, and every table that does not move, with why), and
one confirmation writes it all in one transaction, or nothing."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from typing import Any, ClassVar

from django.conf import settings
from django.core.files import File
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.imports.errors import ImportFileError
from balai.imports.registry import Changes, Context, Importer, Issues, Page, RowRef
from balai.imports.registry import register as register_importer
from balai.moving.content import DesaFolder, FolderProblem, Stored, plan_content, write_content
from balai.moving.identity import plan_identity, write_identity
from balai.moving.kinds import kinds_counts, plan_kinds, write_kinds
from balai.moving.models import Move
from balai.moving.opensid import MoveProblem, archive_rows, inventory_groups, open_backup
from balai.moving.register import RegisterPlan, plan_register, write_register
from balai.population.import_rows import ResidentRow


@register_importer
class OpenSIDImporter(Importer[ResidentRow]):
    key = "moving.opensid"
    domain = "moving"
    area = "personal"
    label = gettext_lazy("Cadangan database OpenSID")
    kinds: ClassVar[frozenset[str]] = frozenset({"sql", "gz"})
    reader = "file"
    max_rows = 500_000
    summary_template = "moving/dashboard/_summary.html"

    def parse(
        self, ctx: Context, source: Any, issues: Issues, progress: Callable[[int, int], None]
    ) -> list[ResidentRow]:
        work = tempfile.TemporaryDirectory(prefix="balai-pindah-")
        ctx.extra["folder"] = work  # removed with the context, after the run
        try:
            with open(str(source), "rb") as handle:
                backup = open_backup(handle, f"{work.name}/cadangan.sqlite3")
        except MoveProblem as problem:
            raise ImportFileError(str(problem)) from problem
        progress(60, 100)
        village = ctx.village
        other = bool(backup.code) and backup.code.replace(".", "") != village.region.digits
        if other and not ctx.job.params.get("allow_other_village"):
            raise ImportFileError(
                _(
                    "Cadangan ini milik %(name)s (kode %(code)s), bukan desa situs ini. Bila "
                    "memang benar, unggah lagi dengan mencentang “pindahkan walau kode desanya "
                    "berbeda”."
                )
                % {"name": backup.name, "code": backup.code}
            )
        plan = plan_register(backup, village, timezone.localdate(), issues, compare=False)
        folder = _folder(ctx, folder_dir=work.name)
        content = plan_content(backup, folder, issues)
        identity = plan_identity(backup, folder, issues)
        ctx.extra.update(backup=backup, plan=plan, other=other, content=content, identity=identity)
        ctx.extra["kinds"] = plan_kinds(backup, folder, issues)
        ctx.extra["rows_read"] = len(plan.rows)
        return plan.rows

    def check_across(self, ctx: Context, rows: list[ResidentRow], issues: Issues) -> None:
        """Nothing more: plan_register ran the register's checks between rows (and the NIKs
        taken by someone else) while it read the backup."""

    def compare(self, ctx: Context, rows: list[ResidentRow]) -> Changes:
        from balai.population import import_write

        plan: RegisterPlan = ctx.extra["plan"]
        plan.changes = import_write.compare(ctx.village, rows)
        return plan.changes

    def row_ref(self, row: ResidentRow) -> RowRef:
        return row.ref

    def summary(self, ctx: Context, rows: list[ResidentRow], changes: Changes) -> dict[str, Any]:
        backup = ctx.extra["backup"]
        plan: RegisterPlan = ctx.extra["plan"]
        return {
            "source": {
                "name": backup.name,
                "code": backup.code,
                "version": backup.version,
                "database_version": backup.database_version,
                "other_village": ctx.extra["other"],
            },
            "counts": plan.counts,
            "content": {
                **ctx.extra["content"].counts,
                "officials": len(ctx.extra["identity"].officials),
                **kinds_counts(ctx.extra["kinds"]),
            },
            "folder": bool(ctx.job.params.get("uploads")),
            "groups": inventory_groups(backup.inventory()),
            "moving_notes": plan.notes,
        }

    def write(self, ctx: Context, rows: list[ResidentRow], changes: Changes) -> dict[str, int]:
        from balai.audit.services import audit_record

        backup = ctx.extra["backup"]
        plan: RegisterPlan = ctx.extra["plan"]
        plan.changes = changes
        written = write_register(ctx.village, plan, ctx.job.uploaded_by)
        stored = Stored()
        try:
            content = write_content(ctx.village, ctx.extra["content"], ctx.job.uploaded_by, stored)
            identity = write_identity(ctx.village, ctx.extra["identity"], stored)
            kinds = write_kinds(ctx.village, ctx.extra["kinds"], stored)
        except Exception:
            stored.discard()
            raise
        archive = f"{ctx.extra['folder'].name}/arsip.zip"
        with open(archive, "wb") as target:
            kept = archive_rows(backup, target)
        move = Move(
            village=ctx.village,
            version=backup.version[:20],
            database_version=backup.database_version[:20],
            source_name=backup.name[:120],
            source_code=backup.code[:20],
            written=True,
            report={
                "job": ctx.job.pk,
                "written": written,
                "content": content,
                "identity": identity,
                "kinds": kinds,
                "archived": kept,
            },
            created_by=ctx.job.uploaded_by,
        )
        with open(archive, "rb") as source:
            move.archive.save("arsip.zip", File(source), save=False)
        try:
            move.save()
        except Exception:
            move.archive.delete(save=False)
            stored.discard()
            raise
        audit_record(
            actor=ctx.job.uploaded_by,
            village=ctx.village,
            action="moving.opensid",
            target=_("pindahan %(n)s") % {"n": move.pk},
            version=backup.version,
            residents_added=written.get("added", 0),
            residents_updated=written.get("updated", 0),
        )
        backup.staged.close()
        return {
            "added": written["added"],
            "updated": written["updated"],
            "unchanged": written["unchanged"],
        }

    def after_write(self, ctx: Context) -> None:
        from balai.population.tasks import figures_task

        figures_task.enqueue(ctx.village.pk)

    def page(self, job: Any) -> Page:
        start = reverse("moving_dashboard:start", kwargs={"slug": job.village.slug})
        return Page(
            title=_("Hasil pemeriksaan cadangan OpenSID"),
            back_url=start,
            back_label=_("Pindah dari OpenSID"),
            upload_url=start,
            done_url=reverse("population_dashboard:residents", kwargs={"slug": job.village.slug}),
            done_label=_("Lihat data penduduk"),
        )


def _folder(ctx: Context, folder_dir: str) -> DesaFolder | None:
    """The zip of the desa/ folder uploaded with the backup, copied next to the staged dump."""
    from balai.lib.storage import private_storage

    name = ctx.job.params.get("uploads")
    if not name:
        return None
    storage = private_storage()
    if not storage.exists(name):
        raise ImportFileError(
            _("Zip folder desa tidak ditemukan lagi (sudah lewat 30 hari?). Unggah ulang keduanya.")
        )
    local = f"{folder_dir}/folder-desa.zip"
    with storage.open(name, "rb") as source, open(local, "wb") as target:
        while chunk := source.read(1 << 20):
            target.write(chunk)
    try:
        return DesaFolder(
            open(local, "rb"),
            max_entries=settings.IMPORT_MAX_ZIP_ENTRIES,
            max_unpacked=settings.IMPORT_MAX_UNPACKED_MB * 1024 * 1024,
        )
    except FolderProblem as problem:
        raise ImportFileError(str(problem)) from problem


# The move from WordPress lives in its own module; autodiscovery imports only this one.
from balai.moving.importers_wordpress import WordPressImporter  # noqa: E402, F401
