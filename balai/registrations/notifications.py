"""The emails each registration step sends: to the applicant, and to district admins when
there is something to review. Called by the notification task, never from a request."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from balai.accounts.models import User
from balai.registrations.models import REVIEW_WORKING_DAYS, ApplicationEvent

Kind = ApplicationEvent.Kind


def absolute_url(path: str) -> str:
    return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}{path}"


def _applicant_subject(event: ApplicationEvent) -> str:
    name = event.application.region.name
    subjects: dict[str, str] = {
        Kind.SUBMITTED: _("Permohonan situs %(name)s sudah kami terima"),
        Kind.REVISION_REQUESTED: _("Permohonan situs %(name)s perlu diperbaiki"),
        Kind.RESUBMITTED: _("Perbaikan permohonan situs %(name)s sudah kami terima"),
        Kind.APPROVED: _("Situs %(name)s sudah dibuat: aktifkan akun admin Anda"),
        Kind.REJECTED: _("Permohonan situs %(name)s tidak dapat disetujui"),
    }
    return subjects[event.kind] % {"name": name}


def _district_subject(event: ApplicationEvent) -> str | None:
    name = event.application.region.name
    if event.kind == Kind.SUBMITTED:
        return _("Permohonan baru: situs %(name)s") % {"name": name}
    if event.kind == Kind.RESUBMITTED:
        return _("Perbaikan masuk: permohonan situs %(name)s") % {"name": name}
    return None


def event_emails(*, event: ApplicationEvent, invitation_link: str = "") -> list[EmailMessage]:
    """The messages one event sends, rendered in Indonesian (the applicants' language)."""
    application = event.application
    context = {
        "application": application,
        "event": event,
        "region": application.region,
        "district_name": settings.DISTRICT_NAME,
        "status_url": absolute_url(
            reverse("registrations:status", kwargs={"code": application.code})
        ),
        "review_url": absolute_url(reverse("review:detail", kwargs={"pk": application.pk})),
        "invitation_link": invitation_link,
        "review_days": REVIEW_WORKING_DAYS,
        "site_url": application.village.public_base_url() if application.village else "",
    }
    with translation.override(settings.LANGUAGE_CODE):
        messages = [
            EmailMessage(
                _applicant_subject(event),
                render_to_string(f"registrations/email/applicant_{event.kind}.txt", context),
                to=[application.email],
            )
        ]
        subject = _district_subject(event)
        admins = list(
            User.objects.filter(is_district_admin=True, is_active=True).values_list(
                "email", flat=True
            )
        )
        if subject and admins:
            body = render_to_string("registrations/email/district_review.txt", context)
            messages.append(EmailMessage(subject, body, to=admins))
    return messages


def event_notify(*, event: ApplicationEvent, invitation_link: str = "") -> int:
    """Send the event's emails once; returns how many went out (0 when already sent)."""
    if event.notified_at:
        return 0
    messages = event_emails(event=event, invitation_link=invitation_link)
    sent = 0
    for message in messages:
        sent += message.send()
    ApplicationEvent.objects.filter(pk=event.pk).update(notified_at=timezone.now())
    return sent
