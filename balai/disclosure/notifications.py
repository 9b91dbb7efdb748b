"""The message a requester gets at each step: a short note and the tracking link. The tracking
link is the only key to the request's page, so it goes only to the contact they gave."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from balai.lib.phone import normalize_whatsapp, whatsapp_link


def tracking_url(info) -> str:
    village = info.village
    path = reverse(
        "site:disclosure_track", kwargs={"village_slug": village.slug, "token": info.token}
    )
    home = reverse("site:home", kwargs={"village_slug": village.slug})
    return village.public_base_url() + path[len(home) :]


def _message(info, kind: str) -> tuple[str, str]:
    subjects = {
        "received": _("Permohonan informasi %(number)s sudah diterima"),
        "extended": _("Jawaban permohonan %(number)s diperpanjang"),
        "decided": _("Permohonan informasi %(number)s sudah dijawab"),
        "objection": _("Keberatan atas permohonan %(number)s sudah diterima"),
        "objection_decided": _("Keberatan atas permohonan %(number)s sudah ditanggapi"),
    }
    subject = subjects[kind] % {"number": info.number}
    body = _(
        "%(subject)s oleh PPID %(village)s.\n\nLihat perkembangan dan jawabannya di:\n%(url)s\n\n"
        "Simpan tautan ini: hanya Anda yang memilikinya."
    ) % {"subject": subject, "village": info.village.display_name, "url": tracking_url(info)}
    return subject, body


def request_email(*, info, kind: str) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _message(info, kind)
    return EmailMessage(subject, body, to=[info.email])


def request_whatsapp_link(*, info, kind: str) -> str:
    """A wa.me link staff open to send the same note from the village's phone."""
    number = normalize_whatsapp(info.phone)
    if not number:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        _subject, body = _message(info, kind)
    return whatsapp_link(number, body)
