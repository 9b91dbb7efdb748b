"""WhatsApp beside e-mail for registration: the expected wait, the district's contact, the
tracking code shared to oneself, and each status change as a message the operator sends.

Links are plain `https://wa.me/…?text=…` addresses (work without JavaScript, open WhatsApp on a
phone and WhatsApp Web on a PC). The applicant's own share link carries no number at all (the
applicant picks the chat, e.g. "Anda"), so a tracking page never holds a phone number; only the
operator's page links to the number the applicant gave.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from balai.lib.phone import normalize_whatsapp, whatsapp_link
from balai.registrations.models import REVIEW_WORKING_DAYS, Application, ApplicationEvent
from balai.registrations.notifications import absolute_url

Kind = ApplicationEvent.Kind


def district_whatsapp() -> str:
    """The district's number (+62…) from DISTRICT_WHATSAPP, or "" when unset or not a mobile."""
    return normalize_whatsapp(settings.DISTRICT_WHATSAPP) or ""


def status_url(application: Application) -> str:
    return absolute_url(reverse("registrations:status", kwargs={"code": application.code}))


def tracking_share_href(application: Application) -> str:
    """ "Kirim ke WhatsApp saya": the code and the status address, to a chat the applicant picks."""
    text = _("Kode pelacakan permohonan situs %(village)s: %(code)s. Cek status: %(url)s") % {
        "village": application.region.name,
        "code": application.code,
        "url": status_url(application),
    }
    return whatsapp_link("", text)


def district_contact_href(application: Application | None = None) -> str:
    """A message to the district's WhatsApp (with the tracking code when there is one)."""
    number = district_whatsapp()
    if not number:
        return ""
    if application is None:
        text = _("Halo admin %(district)s, saya ingin bertanya tentang pendaftaran situs desa.")
        return whatsapp_link(number, text % {"district": settings.DISTRICT_NAME})
    text = _(
        "Halo admin %(district)s, saya ingin bertanya tentang permohonan situs %(village)s "
        "dengan kode %(code)s."
    ) % {
        "district": settings.DISTRICT_NAME,
        "village": application.region.name,
        "code": application.code,
    }
    return whatsapp_link(number, text)


def status_message(application: Application, event: ApplicationEvent | None) -> str:
    """The latest status change as a message to the applicant, as the e-mail says it."""
    names = {
        "name": application.applicant_name,
        "village": application.region.name,
        "code": application.code,
        "url": status_url(application),
        "days": REVIEW_WORKING_DAYS,
        "message": " ".join(event.message.split()).rstrip(".") if event else "",
    }
    kind = event.kind if event else Kind.SUBMITTED
    texts: dict[str, str] = {
        Kind.SUBMITTED: _(
            "Yth. %(name)s, permohonan situs %(village)s sudah kami terima (kode %(code)s). "
            "Kami periksa biasanya dalam %(days)s hari kerja. Status: %(url)s"
        ),
        Kind.RESUBMITTED: _(
            "Yth. %(name)s, perbaikan permohonan situs %(village)s sudah kami terima (kode "
            "%(code)s) dan akan ditinjau kembali. Status: %(url)s"
        ),
        Kind.REVISION_REQUESTED: _(
            "Yth. %(name)s, permohonan situs %(village)s perlu diperbaiki: %(message)s. "
            "Silakan perbaiki lewat halaman status: %(url)s"
        ),
        Kind.APPROVED: _(
            "Yth. %(name)s, permohonan situs %(village)s disetujui dan situsnya sudah dibuat. "
            "Undangan menjadi admin desa sudah kami kirim ke email Anda. Status: %(url)s"
        ),
        Kind.REJECTED: _(
            "Yth. %(name)s, mohon maaf, permohonan situs %(village)s tidak dapat disetujui: "
            "%(message)s. Status: %(url)s"
        ),
    }
    return " ".join((texts[kind] % names).split())


def status_message_href(application: Application, event: ApplicationEvent | None) -> str:
    """wa.me to the number the applicant gave, with the latest status change prefilled."""
    number = normalize_whatsapp(application.whatsapp) or ""
    if not number:
        return ""
    return whatsapp_link(number, status_message(application, event))


def _as_typed(number: str) -> str:
    """+6281211112222 → 0812 1111 2222, the way people write it down."""
    if not number:
        return ""
    local = "0" + number[3:]
    return " ".join(local[i : i + 4] for i in range(0, len(local), 4))


def applicant_support(application: Application) -> dict[str, object]:
    """What the confirmation and status pages add: the wait, the share and the contact links."""
    return {
        "review_days": REVIEW_WORKING_DAYS,
        "share_href": tracking_share_href(application),
        "district_whatsapp": _as_typed(district_whatsapp()),
        "district_whatsapp_href": district_contact_href(application),
    }
