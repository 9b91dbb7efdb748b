"""The move from OpenSID: check a backup (the dry run: a report, nothing written) and write it
(everything in one transaction, or nothing). The staged copy of the dump lives in a temporary
folder for the run only; the rows that have no home in Balai yet are kept in the village's
private archive (`Move.archive`) so a later version can move them."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.imports.registry import Issues
from balai.moving.content import (
    ContentPlan,
    DesaFolder,
    FolderProblem,
    Stored,
    plan_content,
    write_content,
)
from balai.moving.identity import IdentityPlan, plan_identity, write_identity
from balai.moving.kinds import kinds_counts, plan_kinds, write_kinds
from balai.moving.models import Move
from balai.moving.opensid import Backup, MoveProblem, archive_rows, open_backup, open_live
from balai.moving.register import RegisterPlan, plan_register, write_register


@dataclass
class Checked:
    backup: Backup
    register: RegisterPlan
    report: dict[str, Any]
    content: ContentPlan
    identity: IdentityPlan
    kinds: dict[str, Any]

    @property
    def refused(self) -> bool:
        return self.register.issues.has_errors()


def _report(backup: Backup, register: RegisterPlan, village: Any) -> dict[str, Any]:
    issues = register.issues
    other = bool(backup.code) and backup.code.replace(".", "") != village.region.digits
    return {
        "source": {
            "name": backup.name,
            "code": backup.code,
            "version": backup.version,
            "database_version": backup.database_version,
            "other_village": other,
        },
        "inventory": backup.inventory(),
        "register": {
            "counts": register.counts,
            "changes": register.changes.counts(),
            "error_count": issues.error_count,
            "errors": Issues.rows(issues.errors)[:2000],
            "warning_count": issues.warning_count,
            "warnings": Issues.rows(issues.warnings)[:2000],
            "notes": register.notes,
        },
    }


def check_backup(
    village: Any,
    handle: IO[bytes] | None,
    workdir: str,
    folder: DesaFolder | None = None,
    mysql_url: str = "",
) -> Checked:
    """Stage and plan; raises MoveProblem when the file is not a backup we read. With
    `mysql_url` the live database is staged instead of a file."""
    stage = os.path.join(workdir, "cadangan.sqlite3")
    if mysql_url:
        backup = open_live(mysql_url, stage)
    else:
        assert handle is not None
        backup = open_backup(handle, stage)
    register = plan_register(backup, village, timezone.localdate())
    content = plan_content(backup, folder, register.issues)
    identity = plan_identity(backup, folder, register.issues)
    report = _report(backup, register, village)
    kinds = plan_kinds(backup, folder, register.issues)
    report["content"] = {
        **content.counts,
        "officials": len(identity.officials),
        **kinds_counts(kinds),
    }
    return Checked(backup, register, report, content, identity, kinds)


def move_backup(
    village: Any,
    handle: IO[bytes] | None,
    user: Any,
    *,
    write: bool,
    allow_other_village: bool = False,
    uploads: IO[bytes] | None = None,
    mysql_url: str = "",
) -> Move:
    """Check the backup (or, with `mysql_url` and no handle, a live OpenSID database) and, with
    `write`, move it. The Move row records the report either way. Raises MoveProblem (nothing
    written) when the file is refused."""
    from balai.audit.services import audit_record

    folder = None
    if uploads is not None:
        try:
            folder = DesaFolder(
                uploads,
                max_entries=settings.IMPORT_MAX_ZIP_ENTRIES,
                max_unpacked=settings.IMPORT_MAX_UNPACKED_MB * 1024 * 1024,
            )
        except FolderProblem as problem:
            raise MoveProblem(str(problem)) from problem
    with tempfile.TemporaryDirectory(prefix="balai-pindah-") as workdir:
        checked = check_backup(village, handle, workdir, folder, mysql_url)
        backup, report = checked.backup, checked.report
        move = Move(
            village=village,
            version=backup.version[:20],
            database_version=backup.database_version[:20],
            source_name=backup.name[:120],
            source_code=backup.code[:20],
            report=report,
            created_by=user if getattr(user, "pk", None) else None,
        )
        if not write or checked.refused:
            move.save()
            backup.staged.close()
            return move
        if report["source"]["other_village"] and not allow_other_village:
            backup.staged.close()
            raise MoveProblem(
                _(
                    "Cadangan ini milik %(name)s (kode %(code)s), bukan desa situs ini. Centang "
                    "“pindahkan walau kodenya berbeda” bila memang benar."
                )
                % {"name": backup.name, "code": backup.code}
            )
        archive_path = Path(workdir) / "arsip.zip"
        with archive_path.open("wb") as target:
            kept = archive_rows(backup, target)
        stored = Stored()
        try:
            with transaction.atomic():
                written = write_register(village, checked.register, user)
                content = write_content(village, checked.content, user, stored)
                identity = write_identity(village, checked.identity, stored)
                kinds = write_kinds(village, checked.kinds, stored)
                move.written = True
                move.report = {**report, "written": written, "content_written": content}
                move.report["identity"] = identity
                move.report["kinds"] = kinds
                move.report["archived"] = kept
                with archive_path.open("rb") as source:
                    move.archive.save("arsip.zip", File(source), save=False)
                move.save()
                audit_record(
                    actor=user,
                    village=village,
                    action="moving.opensid",
                    target=_("pindahan %(n)s") % {"n": move.pk},
                    version=backup.version,
                    residents_added=written.get("added", 0),
                    residents_updated=written.get("updated", 0),
                )
        except Exception:
            stored.discard()
            if move.archive:
                move.archive.delete(save=False)
            raise
        backup.staged.close()
    from balai.population.tasks import figures_task

    transaction.on_commit(lambda: figures_task.enqueue(village.pk))
    return move
