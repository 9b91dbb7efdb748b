"""Writes of the PPID Desa: profile, DIP, serta-merta notices, requests and objections on the
statutory clock (UU 14/2008 Pasal 22 and 35–37; Perki 1/2018).

Every model here is public content (the DIP and profile on /ppid/, the notice banner, the
annual report and the district table counting requests and objections): saving one refreshes
the cached public pages by itself (villages/content.py)."""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import FileResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.disclosure.calendar import WorkingCalendar
from balai.disclosure.checklist import BERKALA
from balai.disclosure.models import DipItem, EmergencyNotice, InfoRequest, Objection, PpidProfile
from balai.villages.content import content_changed
from balai.villages.models import Village

ANSWER_DAYS = 10
EXTENSION_DAYS = 7
OBJECTION_WINDOW = 30
OBJECTION_ANSWER_DAYS = 30
DISPUTE_DAYS = 14


class DisclosureError(ValueError):
    """A step the statute or the state of the request does not allow; message in Indonesian."""


def require_desa(village: Village) -> None:
    if village.is_kelurahan:
        raise DisclosureError(_("Kelurahan tidak memiliki PPID Desa."))


def today() -> date:
    return timezone.localdate()


# Profile and DIP -----------------------------------------------------------------------------


def ppid_profile_save(*, profile: PpidProfile, actor: Any) -> PpidProfile:
    require_desa(profile.village)
    with transaction.atomic():
        profile.save()
        audit_record(actor=actor, action="ppid.profile_save", village=profile.village)
    return profile


def dip_seed(*, village: Village, year: int) -> int:
    """Add the Perki 1/2018 berkala checklist for `year`; items already there are kept."""
    if village.is_kelurahan:
        return 0
    with translation.override(settings.LANGUAGE_CODE):  # stored text stays Indonesian
        return _dip_seed(village, year)


def _dip_seed(village: Village, year: int) -> int:
    in_year = DipItem.objects.for_village(village).filter(year=year)
    have = set(in_year.values_list("checklist_key", flat=True))
    items = [
        DipItem(
            village=village,
            year=year,
            category=DipItem.Category.BERKALA,
            checklist_key=c.key,
            title=str(c.title),
            summary=str(c.summary),
            responsible=c.responsible,
            page_name=c.page,
            order=i,
        )
        for i, c in enumerate(BERKALA)
        if c.key not in have
    ]
    if not have:  # a new year: what the village listed itself last year carries over
        items += _carried_over(village, year)
    if items:
        DipItem.objects.bulk_create(items)
        content_changed(village)  # a bulk write sends no signal
    return len(items)


def _carried_over(village: Village, year: int) -> list[DipItem]:
    fields = ["category", "title", "summary", "responsible", "format", "retention", "link"]
    fields += ["legal_ground", "consequence_test", "order"]
    last = DipItem.objects.for_village(village).filter(year=year - 1, checklist_key="")
    return [
        DipItem(village=village, year=year, **{f: getattr(old, f) for f in fields}) for old in last
    ]


def dip_item_save(*, item: DipItem, actor: Any) -> DipItem:
    require_desa(item.village)
    if item.is_exempt:
        # An exempt item is listed, never published: no file, page or link may hang off it.
        item.file, item.page_name, item.link = "", "", ""
    with transaction.atomic():
        item.save()
        audit_record(actor=actor, action="ppid.dip_save", target=item.title, village=item.village)
    return item


def dip_item_delete(*, item: DipItem, actor: Any) -> None:
    with transaction.atomic():
        audit_record(actor=actor, action="ppid.dip_delete", target=item.title, village=item.village)
        item.delete()


# Serta-merta notices -------------------------------------------------------------------------


def notice_publish(*, notice: EmergencyNotice, actor: Any) -> EmergencyNotice:
    require_desa(notice.village)
    notice.started_at = notice.started_at or timezone.now()
    with transaction.atomic():
        notice.save()
        audit_record(actor=actor, action="ppid.notice", target=notice.title, village=notice.village)
    return notice


def notice_end(*, notice: EmergencyNotice, actor: Any) -> None:
    if notice.ended_at:
        return
    notice.ended_at = timezone.now()
    with transaction.atomic():
        notice.save(update_fields=["ended_at"])
        audit_record(
            actor=actor, action="ppid.notice_end", target=notice.title, village=notice.village
        )


# Requests ------------------------------------------------------------------------------------


def _next_number(village: Village, year: int) -> str:
    prefix = f"PPID-{year}-"
    taken = InfoRequest.objects.for_village(village).filter(number__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def request_submit(
    *,
    village: Village,
    data: dict[str, Any],
    channel: str,
    received_on: date | None = None,
    actor: Any = None,
) -> InfoRequest:
    """Register a request and start its clock: the answer is due in 10 working days."""
    require_desa(village)
    received = received_on or today()
    due = WorkingCalendar().add_working_days(received, ANSWER_DAYS)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                info = InfoRequest.objects.create(
                    village=village,
                    number=_next_number(village, received.year),
                    channel=channel,
                    received_on=received,
                    due_on=due,
                    **data,
                )
                audit_record(
                    actor=actor, action="ppid.request_submit", target=info.number, village=village
                )
            break
        except IntegrityError:  # two requests took the same number at once: take the next
            continue
    else:
        raise DisclosureError(_("Permohonan gagal dicatat. Silakan coba lagi."))
    _notify(info, "received")
    return info


def request_extend(*, info: InfoRequest, reason: str, actor: Any) -> InfoRequest:
    """The one extension the statute allows: at most 7 working days, with a written reason."""
    if not info.is_open:
        raise DisclosureError(_("Permohonan ini sudah dijawab; tidak dapat diperpanjang."))
    if info.is_extended:
        raise DisclosureError(_("Perpanjangan hanya boleh sekali, dan sudah dipakai."))
    if not reason.strip():
        raise DisclosureError(_("Tulis alasan perpanjangan."))
    calendar = WorkingCalendar()
    info.extended_on = today()
    info.extension_reason = reason.strip()
    info.due_on = calendar.add_working_days(info.due_on, EXTENSION_DAYS)
    with transaction.atomic():
        info.save(update_fields=["extended_on", "extension_reason", "due_on"])
        audit_record(
            actor=actor, action="ppid.request_extend", target=info.number, village=info.village
        )
    _notify(info, "extended")
    return info


def request_decide(
    *,
    info: InfoRequest,
    decision: str,
    answer: str,
    actor: Any,
    redaction_reason: str = "",
    exemption_ground: str = "",
    holder: str = "",
    cost: int = 0,
    answer_file: UploadedFile | None = None,
    decided_on: date | None = None,
) -> InfoRequest:
    """Record the written answer. An answer is final: a second one is refused."""
    locked = InfoRequest.objects.select_for_update()
    with transaction.atomic():
        current = locked.get(pk=info.pk)
        if not current.is_open:
            when = current.decided_on.strftime("%d-%m-%Y") if current.decided_on else ""
            raise DisclosureError(_("Permohonan ini sudah dijawab pada %(date)s.") % {"date": when})
        D = InfoRequest.Decision
        needed: dict[str, str] = {
            D.PARTLY: redaction_reason,
            D.REFUSED: exemption_ground,
            D.NOT_HELD: holder,
        }
        if decision in needed and not needed[decision].strip():
            raise DisclosureError(_("Lengkapi alasan untuk keputusan ini."))
        info.decision = decision
        info.answer = answer
        info.redaction_reason = redaction_reason if decision == D.PARTLY else ""
        info.exemption_ground = exemption_ground if decision == D.REFUSED else ""
        info.holder = holder if decision == D.NOT_HELD else ""
        info.cost = cost
        info.decided_on = decided_on or today()
        info.response_days = WorkingCalendar().working_days_between(
            info.received_on, info.decided_on
        )
        if answer_file:
            info.answer_file.save(answer_file.name or "jawaban", answer_file, save=False)
        info.save()
        audit_record(
            actor=actor,
            action="ppid.request_decide",
            target=info.number,
            village=info.village,
            decision=decision,
        )
    _notify(info, "decided")
    return info


# Objections ----------------------------------------------------------------------------------


def objection_window_end(info: InfoRequest, calendar: WorkingCalendar | None = None) -> date:
    """Last day to object: 30 working days after the answer, or after the missed deadline."""
    calendar = calendar or WorkingCalendar()
    start = info.decided_on or info.due_on
    return calendar.add_working_days(start, OBJECTION_WINDOW)


def objection_file(
    *,
    info: InfoRequest,
    grounds: list[str],
    statement: str,
    filed_on: date | None = None,
    actor: Any = None,
) -> Objection:
    filed = filed_on or today()
    calendar = WorkingCalendar()
    if info.is_open and filed <= info.due_on:
        raise DisclosureError(
            _("Keberatan dapat diajukan setelah permohonan dijawab atau batas waktunya lewat.")
        )
    if filed > objection_window_end(info, calendar):
        raise DisclosureError(
            _("Batas waktu keberatan (30 hari kerja) sudah lewat pada %(date)s.")
            % {"date": objection_window_end(info, calendar).strftime("%d-%m-%Y")}
        )
    valid = set(Objection.Ground.values)
    if not grounds or not set(grounds) <= valid:
        raise DisclosureError(_("Pilih setidaknya satu alasan keberatan."))
    if info.objections.filter(decision="").exists():
        raise DisclosureError(_("Keberatan atas permohonan ini masih diproses."))
    with transaction.atomic():
        count = Objection.objects.for_village(info.village).count()
        objection = Objection.objects.create(
            village=info.village,
            request=info,
            number=f"KEB-{filed.year}-{count + 1:04d}",
            grounds=sorted(set(grounds)),
            statement=statement,
            filed_on=filed,
            due_on=calendar.add_working_days(filed, OBJECTION_ANSWER_DAYS),
        )
        audit_record(
            actor=actor, action="ppid.objection_file", target=objection.number, village=info.village
        )
    _notify(info, "objection")
    return objection


def objection_decide(
    *,
    objection: Objection,
    decision: str,
    answer: str,
    decided_by: str,
    actor: Any,
    decided_on: date | None = None,
) -> Objection:
    with transaction.atomic():
        current = Objection.objects.select_for_update().get(pk=objection.pk)
        if not current.is_open:
            raise DisclosureError(_("Keberatan ini sudah ditanggapi."))
        if not answer.strip():
            raise DisclosureError(_("Tulis tanggapan Atasan PPID."))
        objection.decision = decision
        objection.answer = answer.strip()
        objection.decided_by = decided_by
        objection.decided_on = decided_on or today()
        objection.dispute_by = WorkingCalendar().add_working_days(
            objection.decided_on, DISPUTE_DAYS
        )
        objection.save()
        audit_record(
            actor=actor,
            action="ppid.objection_decide",
            target=objection.number,
            village=objection.village,
        )
    _notify(objection.request, "objection_decided")
    return objection


def _notify(info: InfoRequest, kind: str) -> None:
    if not info.email:
        return
    from balai.disclosure.tasks import request_notify

    transaction.on_commit(lambda: request_notify.enqueue(info.pk, kind))


def answer_file_response(info: InfoRequest) -> FileResponse:
    """The answer's file as a download named after the request; it may carry personal data, so
    no browser or proxy keeps it."""
    suffix = PurePath(info.answer_file.name or "").suffix
    response = FileResponse(
        info.answer_file.open("rb"), as_attachment=True, filename=f"{info.number}{suffix}"
    )
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response
