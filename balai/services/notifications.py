"""The note a requester gets at each step: what happened and the tracking link. The link is the
key to the request's page, so it goes only to the email given, or staff send it by WhatsApp
from the village's phone (a wa.me link on the request's page)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from balai.lib.phone import whatsapp_link
from balai.services.models import ServiceRequest
from balai.services.services import track_token


def tracking_url(req: ServiceRequest) -> str:
    village = req.village
    path = reverse(
        "site:services_track",
        kwargs={"village_slug": village.slug, "code": req.code, "token": track_token(req)},
    )
    home = reverse("site:home", kwargs={"village_slug": village.slug})
    return village.public_base_url() + path[len(home) :]


def _message(req: ServiceRequest, kind: str) -> tuple[str, str]:
    subjects = {
        "received": _("Permohonan %(service)s sudah diterima"),
        "needs_more": _("Permohonan %(service)s perlu dilengkapi"),
        "ready": _("Surat Anda siap diambil"),
        "handed_over": _("Surat Anda siap diunduh"),
        "rejected": _("Permohonan %(service)s tidak dapat diproses"),
    }
    subject = subjects[kind] % {"service": req.service.name}
    body = _(
        "%(subject)s (%(village)s, kode %(code)s).\n\nLihat perkembangannya di:\n%(url)s\n\n"
        "Simpan tautan ini: hanya Anda yang memilikinya."
    ) % {
        "subject": subject,
        "village": req.village.display_name,
        "code": req.code,
        "url": tracking_url(req),
    }
    return subject, body


def request_email(*, req: ServiceRequest, kind: str) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _message(req, kind)
    return EmailMessage(subject, body, to=[req.email])


def request_whatsapp_link(*, req: ServiceRequest, kind: str) -> str:
    """A wa.me link staff open to send the same note from the village's phone."""
    with translation.override(settings.LANGUAGE_CODE):
        _subject, body = _message(req, kind)
    return whatsapp_link(req.phone, body)


def last_notice_kind(req: ServiceRequest) -> str:
    """The note that fits the request's state now."""
    Status = ServiceRequest.Status
    by_status = {
        Status.NEEDS_MORE: "needs_more",
        Status.READY: "ready",
        Status.REJECTED: "rejected",
    }
    if req.status == Status.DONE:
        return "handed_over" if req.download_open or req.downloaded_at else "ready"
    return by_status.get(req.status, "received")  # type: ignore[call-overload]
