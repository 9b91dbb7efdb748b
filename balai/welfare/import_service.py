"""The welfare import: upload → dry run (a task, with progress) → report → confirm →
all-or-nothing write. Both steps plan from the same file, so what is written is what the
admin read; re-importing the same file changes nothing."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.lib.uploads import UploadError
from balai.population.import_reader import MAX_UPLOAD, ImportFileError, sniff_kind
from balai.welfare.import_ranking import plan_ranking
from balai.welfare.import_reader import RANKING_COLUMNS, RECIPIENT_COLUMNS, read_rows
from balai.welfare.import_rows import Plan, plan_recipients
from balai.welfare.models import PovertyFlag, Recipient, WelfareImport, WelfareRank

FIELDS = ("card_number", "start", "end", "amount", "status", "status_reason", "name", "area_id")


def import_start(*, village, user, upload, programme=None) -> WelfareImport:
    """Keep the upload privately and queue its dry run. Raises ImportFileError."""
    from balai.welfare.tasks import import_check_task

    if upload.size > MAX_UPLOAD:
        raise ImportFileError(_("Berkas terlalu besar. Batasnya 50 MB."))
    if upload.size == 0:
        raise ImportFileError(_("Berkas kosong. Pilih berkas lain."))
    upload.seek(0)
    kind = sniff_kind(upload.read(2048), upload.name)
    upload.seek(0)
    target = "recipients" if programme else "ranking"
    imp = WelfareImport(
        village=village, uploaded_by=user, kind=kind, programme=programme, target=target
    )
    try:  # private storage refuses what is not a spreadsheet, CSV or zip (markup as .csv)
        imp.file.save(f"impor.{kind}", upload, save=False)
    except UploadError as exc:
        raise ImportFileError(str(exc)) from exc
    imp.save()
    audit_record(
        actor=user, village=village, action="welfare.import_upload", target=f"impor {imp.pk}"
    )
    import_check_task.enqueue(imp.pk)
    return imp


def _plan(imp: WelfareImport) -> Plan:
    def progress(done: int, total: int) -> None:
        if total and done % 50 == 0:
            percent = min(99, int(100 * done / total))
            WelfareImport.objects.filter(pk=imp.pk).update(progress=percent)

    columns = RECIPIENT_COLUMNS if imp.target == "recipients" else RANKING_COLUMNS
    with imp.file.open("rb") as data:
        rows = read_rows(data, imp.kind, columns)
    if imp.target == "recipients":
        return plan_recipients(rows, programme=imp.programme, progress=progress)
    return plan_ranking(rows, village=imp.village, progress=progress)


def _recipient_changes(imp: WelfareImport, plan: Plan) -> tuple[list, list, int]:
    existing = {
        (r.resident_id, r.family_id, r.household_id, r.start): r
        for r in Recipient.objects.for_village(imp.village).filter(programme=imp.programme)
    }
    new, changed, same = [], [], 0
    for row in plan.rows:
        key = (
            getattr(row.get("resident"), "pk", None),
            getattr(row.get("family"), "pk", None),
            getattr(row.get("household"), "pk", None),
            row["start"],
        )
        found = existing.get(key)
        if found is None:
            new.append(row)
        elif any(getattr(found, f) != row[f] for f in FIELDS):
            changed.append((found, row))
        else:
            same += 1
    return new, changed, same


def import_check(*, import_id: int) -> None:
    imp = WelfareImport.objects.select_related("village", "programme").get(pk=import_id)
    WelfareImport.objects.filter(pk=imp.pk).update(status=WelfareImport.Status.CHECKING)
    try:
        plan = _plan(imp)
    except ImportFileError as exc:
        imp.status, imp.report = WelfareImport.Status.FAILED, {"file_error": str(exc)}
        imp.save(update_fields=["status", "report"])
        return
    report = {"errors": plan.errors[:5000], "refused": len({e[0] for e in plan.errors})}
    if imp.target == "recipients":
        new, changed, same = _recipient_changes(imp, plan)
        report.update(added=len(new), updated=len(changed), unchanged=same)
    else:
        report.update(added=len(plan.rows), updated=0, unchanged=0)
    imp.report, imp.progress = report, 100
    imp.status = WelfareImport.Status.REFUSED if plan.errors else WelfareImport.Status.CHECKED
    imp.save(update_fields=["report", "progress", "status"])


@transaction.atomic
def import_apply(*, import_id: int) -> None:
    imp = (
        # Lock only the import row: PostgreSQL refuses FOR UPDATE across the nullable join.
        WelfareImport.objects.select_for_update(of=("self",))
        .select_related("village", "programme")
        .get(pk=import_id)
    )
    plan = _plan(imp)
    if plan.errors:  # the register changed since the dry run: refuse rather than half-write
        imp.status = WelfareImport.Status.REFUSED
        imp.report = {
            **imp.report,
            "errors": plan.errors,
            "refused": len({e[0] for e in plan.errors}),
        }
        imp.save(update_fields=["status", "report"])
        return
    if imp.target == "recipients":
        _write_recipients(imp, plan)
    else:
        _write_ranking(imp, plan)
    imp.status, imp.progress = WelfareImport.Status.DONE, 100
    imp.save(update_fields=["status", "progress"])
    audit_record(
        actor=imp.uploaded_by,
        village=imp.village,
        action="welfare.import_apply",
        target=f"impor {imp.pk}",
        rows=len(plan.rows),
    )
    from balai.welfare.figures import figures_changed

    figures_changed(village=imp.village)


def _write_recipients(imp: WelfareImport, plan: Plan) -> None:
    new, changed, _same = _recipient_changes(imp, plan)
    Recipient.objects.bulk_create(
        [Recipient(village=imp.village, programme=imp.programme, **row) for row in new]
    )
    for found, row in changed:
        for f in FIELDS:
            setattr(found, f, row[f])
        found.save(update_fields=list(FIELDS))


def _write_ranking(imp: WelfareImport, plan: Plan) -> None:
    today = timezone.localdate()
    for row in plan.rows:
        WelfareRank.objects.update_or_create(
            village=imp.village,
            household=row["household"],
            source=row["source"],
            data_date=row["data_date"],
            defaults={"decile": row["decile"], "dtks_status": row["dtks_status"]},
        )
        if row["poor_reason"]:
            PovertyFlag.objects.update_or_create(
                village=imp.village,
                household=row["household"],
                defaults={"reason": row["poor_reason"], "flagged_on": today},
            )
