"""Writes of the complaints desk: filing (from the site), the staff's handling (status, notes,
answers), the complainant's follow-ups, the kecamatan's and district's notes, and escalation.

Every write that touches more than one row is one transaction: a complaint is never saved
without its first history line, nor answered without the line that says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.complaints.models import Complaint, ComplaintEvent, ComplaintRules, ComplaintSettings
from balai.complaints.notifications import answer_email_send
from balai.disclosure.calendar import WorkingCalendar
from balai.lib.uploads import EncodedImage
from balai.villages.models import Village
from balai.watch.integrity import content_suspicious

Status = Complaint.Status
Kind = ComplaintEvent.Kind

# Where the staff's status control may move a complaint (answering has its own form).
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    Status.RECEIVED: (Status.IN_PROGRESS, Status.CLOSED),
    Status.IN_PROGRESS: (Status.CLOSED,),
    Status.ANSWERED: (Status.IN_PROGRESS, Status.CLOSED),
    Status.CLOSED: (Status.IN_PROGRESS,),
}


class ComplaintError(ValueError):
    """A step that is not possible now; the message says why, in Indonesian."""


def today() -> date:
    return timezone.localdate()


def complaint_rules() -> ComplaintRules:
    return ComplaintRules.objects.first() or ComplaintRules()


def complaint_rules_save(*, escalate_after_days: int, actor: Any) -> ComplaintRules:
    rules = complaint_rules()
    rules.escalate_after_days = escalate_after_days
    rules.save()
    audit_record(actor=actor, action="complaints.rules", target=str(escalate_after_days))
    return rules


def complaint_settings(village: Village) -> ComplaintSettings:
    found = ComplaintSettings.objects.for_village(village).first()
    return found or ComplaintSettings(village=village)


def complaint_settings_save(*, village: Village, public_list: bool) -> None:
    ComplaintSettings.objects.update_or_create(
        village=village, defaults={"public_list": public_list}
    )


def _next_number(village: Village, year: int) -> str:
    prefix = f"ADU-{year}-"
    last = (
        Complaint.objects.for_village(village)
        .filter(number__startswith=prefix)
        .aggregate(m=Max("number"))["m"]
    )
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


def _photo_store(photo: EncodedImage) -> str:
    """The re-encoded photo in private storage, under a random name; its stored name."""
    field = Complaint._meta.get_field("photo")
    name = field.generate_filename(Complaint(), f"x.{photo.extension}")
    return field.storage.save(name, ContentFile(photo.content))


def complaint_submit(
    *,
    village: Village,
    data: dict[str, Any],
    photo: EncodedImage | None = None,
    received_on: date | None = None,
) -> Complaint:
    """File a complaint from the site. An anonymous one keeps no name or contact at all. Text
    that looks like gambling spam is kept (a real report may name gambling) but held out of the
    queue until staff release it."""
    received = received_on or today()
    calendar = WorkingCalendar()
    anonymous = bool(data.get("anonymous"))
    reasons = content_suspicious(data["text"])
    due_on = calendar.add_working_days(received, complaint_rules().escalate_after_days)
    stored_photo = _photo_store(photo) if photo is not None else ""
    for attempt in range(3):
        try:
            with transaction.atomic():
                complaint = Complaint(
                    village=village,
                    number=_next_number(village, received.year),
                    category=data["category"],
                    text=data["text"].strip(),
                    latitude=data.get("latitude"),
                    longitude=data.get("longitude"),
                    anonymous=anonymous,
                    name="" if anonymous else data.get("name", "").strip(),
                    phone="" if anonymous else data.get("phone", ""),
                    email="" if anonymous else data.get("email", ""),
                    suspicious=" ".join(reasons)[:300],
                    received_on=received,
                    due_on=due_on,
                )
                complaint.photo.name = stored_photo
                complaint.save()
                ComplaintEvent.objects.create(
                    village=village, complaint=complaint, kind=Kind.RECEIVED, status=Status.RECEIVED
                )
        except IntegrityError:  # two complaints took the same number at once: take the next
            if attempt == 2:
                raise
        else:
            break
    return complaint


def _event(complaint: Complaint, kind: str, *, actor: Any = None, **fields: Any) -> None:
    label = (getattr(actor, "name", "") or getattr(actor, "email", "")) if actor else ""
    ComplaintEvent.objects.create(
        village=complaint.village,
        complaint=complaint,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=label,
        **fields,
    )


def complaint_status_set(*, complaint: Complaint, status: str, actor: Any) -> Complaint:
    if status not in NEXT_STATUSES[complaint.status]:
        raise ComplaintError(_("Status pengaduan ini tidak dapat diubah ke sana."))
    with transaction.atomic():
        complaint.status = status
        complaint.closed_on = today() if status == Status.CLOSED else None
        complaint.save(update_fields=["status", "closed_on", "updated_at"])
        _event(complaint, Kind.STATUS, actor=actor, status=status)
        audit_record(
            actor=actor,
            action="complaints.status",
            target=complaint.number,
            village=complaint.village,
            status=status,
        )
    return complaint


def complaint_note_add(*, complaint: Complaint, text: str, actor: Any) -> None:
    _event(complaint, Kind.NOTE, actor=actor, text=text.strip())


def complaint_answer(
    *, complaint: Complaint, reply: str, public_summary: str, public_reply: str, actor: Any
) -> Complaint:
    """Answer: the reply for the complainant and/or the public one (with the summary shown
    beside it). The first answer stops the clock; a later one replaces the texts."""
    reply, public_reply = reply.strip(), public_reply.strip()
    if not reply and not public_reply:
        raise ComplaintError(_("Tulis jawaban untuk pelapor atau jawaban untuk publik."))
    if public_reply and not public_summary.strip():
        raise ComplaintError(_("Tulis ringkasan pengaduan yang tampil bersama jawaban publik."))
    if complaint.status == Status.CLOSED:
        raise ComplaintError(_("Pengaduan ini sudah selesai; buka kembali untuk menjawab."))
    with transaction.atomic():
        complaint.reply = reply
        complaint.public_reply = public_reply
        complaint.public_summary = public_summary.strip() if public_reply else ""
        complaint.status = Status.ANSWERED
        if complaint.answered_on is None:
            complaint.answered_on = today()
            days = WorkingCalendar().working_days_between(complaint.received_on, today())
            complaint.response_days = max(0, days)
        complaint.save()
        _event(complaint, Kind.REPLY, actor=actor, status=Status.ANSWERED, text=reply)
        transaction.on_commit(lambda: answer_email_send(complaint))
        audit_record(
            actor=actor,
            action="complaints.answer",
            target=complaint.number,
            village=complaint.village,
        )
    return complaint


def complaint_follow_up(*, complaint: Complaint, text: str) -> None:
    """The complainant adds to their complaint; an answered one goes back to the staff."""
    if complaint.status == Status.CLOSED:
        raise ComplaintError(_("Pengaduan ini sudah selesai dan tidak dapat ditanggapi lagi."))
    with transaction.atomic():
        if complaint.status == Status.ANSWERED:
            complaint.status = Status.IN_PROGRESS
            complaint.save(update_fields=["status", "updated_at"])
        _event(complaint, Kind.FOLLOW_UP, text=text.strip(), status=complaint.status)


def complaint_release(*, complaint: Complaint, actor: Any) -> None:
    """Staff say a held complaint is not spam: it joins the queue (its clock runs from receipt)."""
    with transaction.atomic():
        complaint.suspicious = ""
        complaint.save(update_fields=["suspicious", "updated_at"])
        _event(complaint, Kind.RELEASED, actor=actor)


def complaint_instruction_add(*, complaint: Complaint, text: str, actor: Any) -> None:
    """A note from the kecamatan viewer or the district on an escalated complaint."""
    with transaction.atomic():
        _event(complaint, Kind.INSTRUCTION, actor=actor, text=text.strip())
        audit_record(
            actor=actor,
            action="complaints.instruction",
            target=complaint.number,
            village=complaint.village,
        )


def identity_view_record(*, complaint: Complaint, actor: Any) -> None:
    audit_record(
        actor=actor,
        action="complaints.identity_view",
        target=complaint.number,
        village=complaint.village,
    )
