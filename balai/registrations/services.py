"""Writes for registration: submit, resubmit, and the district's three decisions.

Each step is one transaction that also records an ApplicationEvent; its email goes out through
a task once the step is saved. Approval provisions the village site (see provisioning.py).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.audit.services import audit_record
from balai.lib.storage import private_storage
from balai.lib.uploads import DOCUMENT_TYPES, EXTENSIONS, CheckedFile, document_prepare
from balai.regions.models import Region
from balai.registrations import selectors
from balai.registrations.models import Application, ApplicationEvent
from balai.villages.cache import district_version_bump

LETTER_TYPES = DOCUMENT_TYPES  # a PDF, or a clear photo of the signed letter (re-encoded)
TEMP_DIR = "registrasi-sementara"
_TEMP_NAME = re.compile(rf"^{TEMP_DIR}/[0-9a-f]{{32}}\.(pdf|jpg|png)$")


class RegistrationError(Exception):
    """A step that cannot happen; the message is for the person who tried (in Indonesian).

    `field` names the form field the message belongs to, or is empty for the whole form.
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class Letter:
    """A checked request letter waiting in private storage under a random name."""

    path: str
    content_type: str


def letter_store_temporary(*, upload: Any) -> Letter:
    """Park a letter in private storage until submit: checked by its bytes (the form's
    CheckedFile, or an upload checked here), a photo re-encoded.

    Raises balai.lib.uploads.UploadError with a message for the applicant.
    """
    if not isinstance(upload, CheckedFile):
        upload = document_prepare(upload, allowed=LETTER_TYPES)
    path = private_storage().save(f"{TEMP_DIR}/{secrets.token_hex(16)}", upload)
    return Letter(path=path, content_type=upload.mime)


def letter_discard(*, path: str) -> None:
    """Remove a parked letter that will not be used (only ever one under TEMP_DIR)."""
    if _TEMP_NAME.match(path or ""):
        private_storage().delete(path)


def letters_temporary_purge(*, older_than: timedelta = timedelta(days=2)) -> int:
    """Delete letters parked by wizards that were never submitted; returns how many."""
    storage = private_storage()
    try:
        _dirs, files = storage.listdir(TEMP_DIR)
    except FileNotFoundError:
        return 0
    cutoff = timezone.now() - older_than
    removed = 0
    for name in files:
        path = f"{TEMP_DIR}/{name}"
        if _TEMP_NAME.match(path) and storage.get_modified_time(path) < cutoff:
            storage.delete(path)
            removed += 1
    return removed


def letter_temporary_exists(path: str) -> bool:
    return bool(_TEMP_NAME.match(path or "")) and private_storage().exists(path)


def _attach_letter(application: Application, letter: Letter) -> None:
    if not letter_temporary_exists(letter.path):
        raise RegistrationError(_("Surat permohonan hilang. Unggah lagi."), field="letter")
    with private_storage().open(letter.path) as handle:
        ext = EXTENSIONS[letter.content_type]
        application.letter.save(f"surat.{ext}", File(handle), save=False)
    application.letter_content_type = letter.content_type


def _notify(event: ApplicationEvent, *, invitation_link: str = "") -> None:
    from balai.registrations.tasks import application_event_notify

    # Enqueued inside the step's transaction on purpose: the database task backend writes the
    # task row in it, so a worker only sees the task once the event is committed, and never if
    # the step rolls back.
    application_event_notify.enqueue(event.pk, invitation_link=invitation_link)


def _check_address(*, wanted_slug: str, existing_domain: str, exclude: int | None) -> None:
    problem = selectors.slug_problem(wanted_slug, exclude_application=exclude)
    if problem:
        raise RegistrationError(problem, field="wanted_slug")
    if existing_domain:
        problem = selectors.domain_problem(existing_domain, exclude_application=exclude)
        if problem:
            raise RegistrationError(problem, field="existing_domain")


def _region_blocker(region: Region) -> str | None:
    return selectors.region_states([region.code]).get(region.code)


def application_submit(
    *,
    region: Region,
    applicant_name: str,
    applicant_position: str,
    whatsapp: str,
    email: str,
    wanted_slug: str,
    existing_domain: str = "",
    letter: Letter,
) -> Application:
    """File a new application: the Application and its SUBMITTED event, or nothing."""
    state = _region_blocker(region)
    if state:
        raise RegistrationError(selectors.state_message(state), field="region")
    _check_address(wanted_slug=wanted_slug, existing_domain=existing_domain, exclude=None)
    application = Application(
        region=region,
        applicant_name=applicant_name,
        applicant_position=applicant_position,
        whatsapp=whatsapp,
        email=email,
        wanted_slug=wanted_slug,
        existing_domain=existing_domain,
    )
    _attach_letter(application, letter)
    try:
        with transaction.atomic():
            application.save()
            event = ApplicationEvent.objects.create(
                application=application, kind=ApplicationEvent.Kind.SUBMITTED
            )
            _notify(event)
    except IntegrityError as exc:
        # Someone else filed for this village between our check and our insert.
        application.letter.delete(save=False)
        state = _region_blocker(region) or Application.Status.SUBMITTED
        raise RegistrationError(selectors.state_message(state), field="region") from exc
    private_storage().delete(letter.path)
    district_version_bump()  # the portal shows this village as "applied" from now on
    return application


def application_resubmit(
    *,
    application: Application,
    applicant_name: str,
    applicant_position: str,
    whatsapp: str,
    email: str,
    wanted_slug: str,
    existing_domain: str = "",
    letter: Letter | None = None,
) -> Application:
    """The applicant's corrections after a revision request: back to SUBMITTED."""
    if application.status != Application.Status.REVISION:
        raise RegistrationError(_("Permohonan ini tidak sedang menunggu perbaikan."))
    _check_address(wanted_slug=wanted_slug, existing_domain=existing_domain, exclude=application.pk)
    old_letter = application.letter.name
    application.applicant_name = applicant_name
    application.applicant_position = applicant_position
    application.whatsapp = whatsapp
    application.email = email
    application.wanted_slug = wanted_slug
    application.existing_domain = existing_domain
    if letter:
        _attach_letter(application, letter)
    application.status = Application.Status.SUBMITTED
    with transaction.atomic():
        application.save()
        event = ApplicationEvent.objects.create(
            application=application, kind=ApplicationEvent.Kind.RESUBMITTED
        )
        _notify(event)
    if letter:
        private_storage().delete(letter.path)
        if old_letter:
            private_storage().delete(old_letter)
    return application


def _decide(
    *,
    application: Application,
    admin: Any,
    allowed: tuple[str, ...],
    status: str,
    kind: str,
    message: str,
    action: str,
) -> ApplicationEvent:
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status not in allowed:
            raise RegistrationError(
                _("Permohonan ini sudah berstatus “%(status)s”.")
                % {"status": locked.get_status_display()}
            )
        application.status = status
        application.save(update_fields=["status", "updated_at"])
        event = ApplicationEvent.objects.create(
            application=application, kind=kind, message=message, actor=admin
        )
        audit_record(actor=admin, action=action, target=application.code)
        _notify(event)
    district_version_bump()  # a rejected village is free to apply again on the portal
    return event


def application_request_revision(
    *, application: Application, admin: Any, message: str
) -> ApplicationEvent:
    """Send the application back to the applicant with a message saying what to fix."""
    message = message.strip()
    if not message:
        raise RegistrationError(_("Tulis apa yang perlu diperbaiki pemohon."), field="message")
    return _decide(
        application=application,
        admin=admin,
        allowed=(Application.Status.SUBMITTED,),
        status=Application.Status.REVISION,
        kind=ApplicationEvent.Kind.REVISION_REQUESTED,
        message=message,
        action="application.revision",
    )


def application_reject(*, application: Application, admin: Any, reason: str) -> ApplicationEvent:
    """Close the application for good, with the reason the applicant will read."""
    reason = reason.strip()
    if not reason:
        raise RegistrationError(_("Tulis alasan penolakan untuk pemohon."), field="reason")
    return _decide(
        application=application,
        admin=admin,
        allowed=Application.OPEN_STATUSES,
        status=Application.Status.REJECTED,
        kind=ApplicationEvent.Kind.REJECTED,
        message=reason,
        action="application.reject",
    )


@dataclass
class Approval:
    application: Application
    village: Any
    invitation_link: str


def application_approve(*, application: Application, admin: Any) -> Approval:
    """Approve and provision the site at once: village, profile, pages, domain, invitation."""
    from balai.registrations.provisioning import village_provision

    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != Application.Status.SUBMITTED:
            raise RegistrationError(
                _("Hanya permohonan yang menunggu tinjauan yang dapat disetujui.")
            )
        village, link = village_provision(application=application, admin=admin)
        application.status = Application.Status.APPROVED
        application.village = village
        application.save(update_fields=["status", "village", "updated_at"])
        event = ApplicationEvent.objects.create(
            application=application, kind=ApplicationEvent.Kind.APPROVED, actor=admin
        )
        audit_record(
            actor=admin, village=village, action="application.approve", target=application.code
        )
        _notify(event, invitation_link=link)
    return Approval(application=application, village=village, invitation_link=link)
