"""Online requests for a counter service: what residents send and what staff do with it.

States: diajukan → diproses (matched to a resident in the register) → perlu-dilengkapi (staff
asked for more; the resident answers on the tracking page) → siap-diambil (collect it at the
office) or selesai (collected, or the PDF handed over as a one-time download) · ditolak (with a
reason). The promised day (`due_on`) is the service's time in working days on the PPID calendar.

The hand-over takes the letter's bytes from `handover_pdf()`: a provider registered with
`register_handover_pdf_provider` (the issued letter) first, else the PDF staff uploaded.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.disclosure.calendar import add_working_days
from balai.lib.uploads import CheckedFile
from balai.services.models import RequestFile, RequestMessage, Service, ServiceRequest
from balai.villages.models import Village

Status = ServiceRequest.Status
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud without doubt
CODE_LENGTH = 10
MAX_DOCUMENTS = 5

HandoverPdfProvider = Callable[[ServiceRequest], "bytes | None"]
_handover_providers: list[HandoverPdfProvider] = []


class ServiceRequestError(ValueError):
    """The step is not possible in the request's state; the message is for the person."""


def register_handover_pdf_provider(provider: HandoverPdfProvider) -> HandoverPdfProvider:
    """Add a source of the letter's PDF for a request (e.g. the letter issued from it)."""
    if provider not in _handover_providers:
        _handover_providers.append(provider)
    return provider


def handover_pdf(req: ServiceRequest) -> bytes | None:
    """The PDF handed over for this request: a provider's, else the one staff uploaded."""
    for provider in _handover_providers:
        found = provider(req)
        if found:
            return found
    if req.letter_pdf:
        with req.letter_pdf.open("rb") as handle:
            return handle.read()
    return None


def issued_letter_pdf(req: ServiceRequest) -> bytes | None:
    """The PDF of the letter issued in Balai from this request (none once it is revoked)."""
    if not req.letter_id:
        return None
    from balai.letters.selectors import letter_pdf

    letter = req.letter
    if letter is None or getattr(letter, "revoked_at", None):
        return None
    return letter_pdf(letter)


register_handover_pdf_provider(issued_letter_pdf)


def request_letter_issued(*, req: ServiceRequest, letter: Any, actor: Any) -> ServiceRequest:
    """The letter issued from this request: kept with it, for the hand-over."""
    _require(req, ServiceRequest.OPEN)
    with transaction.atomic():
        req.letter = letter
        _save(req, actor, "letter")
        _staff_step(req, actor, "services.request_letter")
    return req


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def normalize_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def track_token(req: ServiceRequest) -> str:
    """The signature in the tracking link: only the server can make it from the code."""
    return salted_hmac("balai.services.track", f"{req.village_id}:{req.code}").hexdigest()[:32]


def token_matches(req: ServiceRequest, token: str) -> bool:
    return constant_time_compare(track_token(req), token or "")


def _attach(req: ServiceRequest, documents: list[CheckedFile], message: RequestMessage | None):
    for document in documents:
        row = RequestFile(village=req.village, request=req, message=message)
        row.width, row.height = document.width, document.height
        row.file.save(f"x.{document.extension}", ContentFile(document.read()), save=False)
        row.save()


def request_submit(
    *, village: Village, service: Service, data: dict[str, Any], documents: list[CheckedFile]
) -> ServiceRequest:
    """A resident's request, with its documents, all or nothing."""
    if not service.can_request_online:
        raise ServiceRequestError(_("Layanan ini tidak dapat diajukan online."))
    now = timezone.now()
    due = add_working_days(timezone.localdate(now), service.duration_days)
    with transaction.atomic():
        code = new_code()
        while ServiceRequest.objects.filter(code=code).exists():
            code = new_code()
        req = ServiceRequest.objects.create(
            village=village,
            service=service,
            code=code,
            name=data["name"].strip(),
            nik=data["nik"],
            phone=data["phone"],
            email=data.get("email", ""),
            purpose=data["purpose"].strip(),
            submitted_at=now,
            due_on=due,
        )
        _attach(req, documents[:MAX_DOCUMENTS], None)
    _notify(req, "received")
    return req


def _staff_step(req: ServiceRequest, actor: Any, action: str, **details: Any) -> None:
    audit_record(actor=actor, village=req.village, action=action, target=req.code, **details)


def _require(req: ServiceRequest, allowed: tuple[str, ...]) -> None:
    if req.status not in allowed:
        raise ServiceRequestError(
            _("Permohonan ini berstatus %(status)s: langkah itu tidak dapat dilakukan.")
            % {"status": req.get_status_display()}
        )


def _save(req: ServiceRequest, actor: Any, *fields: str) -> None:
    if actor is not None and getattr(actor, "pk", None):
        req.handled_by = actor
    req.save(update_fields=[*fields, "handled_by", "updated_at"])


def request_match(*, req: ServiceRequest, resident: Any, actor: Any) -> ServiceRequest:
    """Link the request to a resident of the register (staff only)."""
    _require(req, (Status.SUBMITTED, Status.PROCESSING, Status.NEEDS_MORE, Status.READY))
    if resident.village_id != req.village_id:
        raise ServiceRequestError(_("Penduduk itu bukan warga desa ini."))
    req.resident = resident
    if req.status == Status.SUBMITTED:
        req.status = Status.PROCESSING
    with transaction.atomic():
        _save(req, actor, "resident", "status")
        _staff_step(req, actor, "services.request_match", resident=resident.pk)
    return req


def request_ask(*, req: ServiceRequest, actor: Any, message: str) -> RequestMessage:
    """Ask the resident for more; the message shows on the tracking page."""
    _require(req, (Status.SUBMITTED, Status.PROCESSING, Status.NEEDS_MORE))
    with transaction.atomic():
        note = RequestMessage.objects.create(
            village=req.village, request=req, from_staff=True, author=actor, body=message.strip()
        )
        req.status = Status.NEEDS_MORE
        _save(req, actor, "status")
        _staff_step(req, actor, "services.request_ask")
    _notify(req, "needs_more")
    return note


def request_answer(
    *, req: ServiceRequest, body: str, documents: list[CheckedFile]
) -> RequestMessage:
    """The resident's answer from the tracking page: the request goes back to staff."""
    _require(req, (Status.NEEDS_MORE,))
    with transaction.atomic():
        note = RequestMessage.objects.create(village=req.village, request=req, body=body.strip())
        _attach(req, documents[:MAX_DOCUMENTS], note)
        req.status = Status.PROCESSING if req.resident_id else Status.SUBMITTED
        req.save(update_fields=["status", "updated_at"])
    return note


def request_ready(*, req: ServiceRequest, actor: Any) -> ServiceRequest:
    """The letter waits at the office: the resident is told to collect it."""
    _require(req, (Status.SUBMITTED, Status.PROCESSING, Status.NEEDS_MORE))
    req.status = Status.READY
    with transaction.atomic():
        _save(req, actor, "status")
        _staff_step(req, actor, "services.request_ready")
    _notify(req, "ready")
    return req


def request_collected(*, req: ServiceRequest, actor: Any) -> ServiceRequest:
    _require(req, (Status.READY,))
    req.status = Status.DONE
    req.closed_at = timezone.now()
    with transaction.atomic():
        _save(req, actor, "status", "closed_at")
        _staff_step(req, actor, "services.request_collected")
    return req


def request_handover(
    *, req: ServiceRequest, actor: Any, pdf: CheckedFile | None = None
) -> ServiceRequest:
    """Hand the letter over as a one-time download on the tracking page."""
    _require(req, ServiceRequest.OPEN)
    if pdf is None and handover_pdf(req) is None:
        raise ServiceRequestError(_("Lampirkan PDF surat yang akan diserahkan."))
    with transaction.atomic():
        if pdf is not None:
            req.letter_pdf.save("surat.pdf", ContentFile(pdf.read()), save=False)
        req.status = Status.DONE
        req.closed_at = timezone.now()
        req.download_open = True
        req.downloaded_at = None
        _save(req, actor, "letter_pdf", "status", "closed_at", "download_open", "downloaded_at")
        _staff_step(req, actor, "services.request_handover")
    _notify(req, "handed_over")
    return req


def request_download_reopen(*, req: ServiceRequest, actor: Any) -> ServiceRequest:
    """Staff let the resident download once more (a lost file, a broken phone)."""
    _require(req, (Status.DONE,))
    if handover_pdf(req) is None:
        raise ServiceRequestError(_("Belum ada PDF surat untuk permohonan ini."))
    req.download_open = True
    with transaction.atomic():
        _save(req, actor, "download_open")
        _staff_step(req, actor, "services.download_reopen")
    return req


def request_reject(*, req: ServiceRequest, actor: Any, reason: str) -> ServiceRequest:
    _require(req, ServiceRequest.OPEN)
    req.status = Status.REJECTED
    req.reject_reason = reason.strip()
    req.closed_at = timezone.now()
    with transaction.atomic():
        _save(req, actor, "status", "reject_reason", "closed_at")
        _staff_step(req, actor, "services.request_reject")
    _notify(req, "rejected")
    return req


def request_download(*, req: ServiceRequest) -> bytes | None:
    """The one download: the bytes once, then the link is spent (None when it is)."""
    with transaction.atomic():
        locked = ServiceRequest.objects.select_for_update().get(pk=req.pk)
        if not locked.download_open:
            return None
        content = handover_pdf(locked)
        if content is None:
            return None
        locked.download_open = False
        locked.downloaded_at = timezone.now()
        locked.save(update_fields=["download_open", "downloaded_at", "updated_at"])
    return content


def _notify(req: ServiceRequest, kind: str) -> None:
    if not req.email:
        return
    from balai.services.tasks import request_notify

    transaction.on_commit(lambda: request_notify.enqueue(req.pk, kind))
