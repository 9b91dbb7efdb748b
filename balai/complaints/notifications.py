"""What the complainant hears when their complaint is answered: a short note with the tracking
link, by e-mail when they gave one (sent after the answer is saved), or as a WhatsApp link the
village admin opens from the desk. The link is the only key to the complaint's page, so it goes
only to the contact they gave."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from balai.complaints.models import Complaint
from balai.complaints.selectors import tracking_token
from balai.lib.phone import whatsapp_link


def tracking_url(complaint: Complaint) -> str:
    village = complaint.village
    path = reverse(
        "site:complaints_track",
        kwargs={"village_slug": village.slug, "token": tracking_token(complaint)},
    )
    home = reverse("site:home", kwargs={"village_slug": village.slug})
    return village.public_base_url() + path[len(home) :]


def _message(complaint: Complaint) -> tuple[str, str]:
    subject = _("Pengaduan %(number)s sudah dijawab") % {"number": complaint.number}
    body = _(
        "%(subject)s oleh %(village)s.\n\nBaca jawabannya, atau tambahkan keterangan, di:\n"
        "%(url)s\n\nSimpan tautan ini: hanya Anda yang memilikinya."
    ) % {
        "subject": subject,
        "village": complaint.village.display_name,
        "url": tracking_url(complaint),
    }
    return subject, body


def answer_email_send(complaint: Complaint) -> None:
    if not complaint.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _message(complaint)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [complaint.email])


def answer_whatsapp_link(complaint: Complaint) -> str:
    """For the village admin only (it carries the complainant's number)."""
    if not complaint.phone or not complaint.answered_on:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        _subject, body = _message(complaint)
    return whatsapp_link(complaint.phone, body)
