"""Writes of the mentoring app: help requests (asking, replying, resolving, notifying and
escalating to the district), guides (saved cleaned, with screenshots) and events (saving,
registering village members, recording attendance)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts.models import User
from balai.lib.uploads import EncodedImage, reencode_image
from balai.mentoring.models import (
    Event,
    EventRegistration,
    Guide,
    GuideImage,
    HelpAttachment,
    HelpReply,
    HelpRequest,
)
from balai.villages.models import Membership, Village
from balai.villages.richtext import page_body_html

ESCALATE_AFTER = timedelta(hours=getattr(settings, "SUPPORT_ESCALATE_HOURS", 48))


def village_mentors(village: Village) -> list[User]:
    rows = Membership.objects.for_village(village).filter(role=Membership.Role.MENTOR)
    return [m.user for m in rows.select_related("user").order_by("user__name")]


def district_admins() -> list[User]:
    return list(User.objects.filter(is_district_admin=True, is_active=True).order_by("name"))


def _attach(*, help_request: HelpRequest, reply: HelpReply | None, images: list[Any]) -> None:
    for upload in images:
        encoded = upload if isinstance(upload, EncodedImage) else reencode_image(upload)
        attachment = HelpAttachment(request=help_request, reply=reply)
        attachment.width, attachment.height = encoded.width, encoded.height
        attachment.file.save(f"x.{encoded.extension}", ContentFile(encoded.content), save=False)
        attachment.save()


def help_request_create(
    *, village: Village, author: User, topic: str, message: str, images: list[Any]
) -> HelpRequest:
    """Open a request; with no mentor assigned it goes to the district straight away."""
    with transaction.atomic():
        help_request = HelpRequest.objects.create(
            village=village, author=author, topic=topic, message=message.strip()
        )
        _attach(help_request=help_request, reply=None, images=images)
        if not village_mentors(village):
            help_request.escalated_at = timezone.now()
            help_request.save(update_fields=["escalated_at"])
    _notify_later(help_request.pk, "created")
    return help_request


def help_reply_add(
    *, help_request: HelpRequest, author: User, role: str, message: str, images: list[Any]
) -> HelpReply:
    """A reply; one from a mentor or the district marks the request answered."""
    from_helper = role in ("mentor", "district")
    now = timezone.now()
    with transaction.atomic():
        reply = HelpReply.objects.create(
            request=help_request, author=author, message=message.strip(), from_helper=from_helper
        )
        _attach(help_request=help_request, reply=reply, images=images)
        if from_helper:
            help_request.status = HelpRequest.Status.ANSWERED
            help_request.first_answer_at = help_request.first_answer_at or now
        elif help_request.status != HelpRequest.Status.OPEN:
            help_request.status = HelpRequest.Status.OPEN  # the asker came back with more
            help_request.resolved_at = None
        help_request.save(update_fields=["status", "first_answer_at", "resolved_at"])
    _notify_later(help_request.pk, "helper_reply" if from_helper else "asker_reply")
    return reply


def help_request_resolve(*, help_request: HelpRequest, actor: User) -> None:
    help_request.status = HelpRequest.Status.RESOLVED
    help_request.resolved_at = timezone.now()
    help_request.save(update_fields=["status", "resolved_at"])


def help_requests_escalate(*, now: datetime | None = None) -> int:
    """Tell the district about open requests nobody has answered within ESCALATE_AFTER."""
    now = now or timezone.now()
    late = HelpRequest.objects.filter(
        status=HelpRequest.Status.OPEN,
        escalated_at__isnull=True,
        first_answer_at__isnull=True,
        created_at__lte=now - ESCALATE_AFTER,
    )
    ids = list(late.values_list("pk", flat=True))
    HelpRequest.objects.filter(pk__in=ids).update(escalated_at=now)
    for pk in ids:
        help_request_notify(help_request_id=pk, event="escalated")
    return len(ids)


def _notify_later(help_request_id: int, event: str) -> None:
    from balai.mentoring.tasks import help_notify

    # Called after the write's own transaction: the task (run by a worker) can see the row.
    help_notify.enqueue(help_request_id, event)


def _link(help_request: HelpRequest) -> str:
    path = reverse(
        "mentoring_dashboard:help_detail",
        kwargs={"slug": help_request.village.slug, "pk": help_request.pk},
    )
    return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}{path}"


def _recipients(help_request: HelpRequest, event: str) -> list[str]:
    if event == "helper_reply":
        members = Membership.objects.for_village(help_request.village).filter(
            role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR]
        )
        emails = {m.user.email for m in members.select_related("user")}
        if help_request.author and help_request.author.email:
            emails = {help_request.author.email}  # the asker, not the whole office
        return sorted(emails)
    helpers = village_mentors(help_request.village)
    if event == "escalated" or help_request.escalated_at or not helpers:
        helpers = helpers + district_admins()
    return sorted({u.email for u in helpers})


def help_request_notify(*, help_request_id: int, event: str) -> int:
    """Email the other side of the conversation; returns the number of emails sent."""
    help_request = (
        HelpRequest.objects.select_related("village__region", "author").filter(pk=help_request_id)
    ).first()
    if help_request is None:
        return 0
    subjects = {
        "created": _("Permintaan bantuan baru dari %(village)s"),
        "helper_reply": _("Permintaan bantuan Anda sudah dijawab (%(village)s)"),
        "asker_reply": _("Balasan baru pada permintaan bantuan %(village)s"),
        "escalated": _("Permintaan bantuan %(village)s belum dijawab"),
    }
    subject = subjects[event] % {"village": help_request.village.display_name}
    body = _(
        "%(ref)s · %(topic)s\n\nBuka percakapan di dasbor:\n%(link)s\n\n"
        "Isi pesan tidak disertakan di email ini; bacalah di dasbor."
    ) % {
        "ref": help_request.reference,
        "topic": help_request.get_topic_display(),
        "link": _link(help_request),
    }
    recipients = _recipients(help_request, event)
    sender = settings.DEFAULT_FROM_EMAIL
    return send_mass_mail([(subject, body, sender, [to]) for to in recipients])


def guide_save(*, guide: Guide, screenshot: Any = None, alt: str = "") -> Guide:
    """Save a guide with its body cleaned (nh3), and add a re-encoded screenshot if given."""
    with transaction.atomic():
        guide.body = page_body_html(guide.body)
        guide.save()
        if screenshot:
            encoded = (
                screenshot
                if isinstance(screenshot, EncodedImage)
                else reencode_image(screenshot, max_side=1400)
            )
            image = GuideImage(guide=guide, alt=alt, width=encoded.width, height=encoded.height)
            image.image.save(f"x.{encoded.extension}", ContentFile(encoded.content), save=False)
            image.save()
    return guide


def event_save(*, event: Event) -> Event:
    # Agenda and materials are shown as HTML: cleaned on the way in.
    event.agenda = page_body_html(event.agenda)
    event.materials = page_body_html(event.materials)
    event.save()
    return event


def event_register(*, event: Event, village: Village, user: User) -> bool:
    """Register one village member; False when already registered."""
    try:
        with transaction.atomic():
            EventRegistration.objects.create(event=event, village=village, user=user)
    except IntegrityError:
        return False
    return True


def event_unregister(*, event: Event, village: Village, user: User) -> None:
    EventRegistration.objects.for_village(village).filter(event=event, user=user).delete()


def attendance_set(*, event: Event, attended_ids: set[int]) -> None:
    # Two UPDATEs whatever the number of participants; ids of other events' rows match nothing.
    rows = event.registrations.all()
    with transaction.atomic():
        rows.filter(pk__in=attended_ids).update(attended=True)
        rows.exclude(pk__in=attended_ids).update(attended=False)
