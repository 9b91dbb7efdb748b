"""Escalation: a complaint nobody answered within the district's number of working days goes
to the kecamatan viewer of the village's kecamatan and to the district (issue 15). The scheduler
runs `complaints_escalate()` every hour (scheduler/jobs.py); each complaint is escalated once,
the step is written into its history, and the people who now see it get one e-mail per run.

What they see and receive never holds the complainant's identity: the e-mail names the village,
the number, the category and how long it has waited, and links to the district dashboard.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from balai.accounts.models import KecamatanViewer, User
from balai.complaints.models import Complaint, ComplaintEvent

Status = Complaint.Status
logger = logging.getLogger(__name__)


def escalation_due(*, on: date) -> list[Complaint]:
    """Open, unanswered, not held as spam, past their day, not yet escalated."""
    rows = Complaint.objects.filter(
        status__in=Complaint.OPEN_STATUSES,
        answered_on__isnull=True,
        escalated_at__isnull=True,
        suspicious="",
        due_on__lte=on,
    )
    return list(rows.select_related("village__region").order_by("due_on", "id"))


def _recipients(complaints: list[Complaint]) -> dict[str, list[Complaint]]:
    """Every district admin hears of all of them; a kecamatan viewer of their kecamatan's."""
    by_email: dict[str, list[Complaint]] = defaultdict(list)
    for email in User.objects.filter(is_district_admin=True, is_active=True).values_list(
        "email", flat=True
    ):
        by_email[email].extend(complaints)
    kecamatan = {c.village.region.parent_id for c in complaints}
    viewers = KecamatanViewer.objects.filter(kecamatan_id__in=kecamatan, user__is_active=True)
    for viewer in viewers.select_related("user"):
        mine = [c for c in complaints if c.village.region.parent_id == viewer.kecamatan_id]
        by_email[viewer.user.email].extend(m for m in mine if m not in by_email[viewer.user.email])
    return by_email


def _body(complaints: list[Complaint]) -> str:
    base = f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}"
    lines = [
        _(
            "Pengaduan warga berikut belum dijawab desa dalam batas hari kerja dan kini diteruskan "
            "kepada Anda. Identitas pelapor tidak disertakan."
        ),
        "",
    ]
    for c in complaints:
        url = base + reverse("complaints_district_dashboard:complaint", kwargs={"pk": c.pk})
        lines.append(
            f"- {c.village.display_name} · {c.number} · {c.get_category_display()} · "
            + _("diterima %(date)s") % {"date": c.received_on.strftime("%d-%m-%Y")}
            + f"\n  {url}"
        )
    return "\n".join(lines)


def complaints_escalate(*, on: date | None = None) -> list[Complaint]:
    """Escalate what is due; returns the escalated complaints. Safe to run again: a complaint
    escalated once is not picked up again."""
    day = on or timezone.localdate()
    done: list[Complaint] = []
    for complaint in escalation_due(on=day):
        with transaction.atomic():
            updated = Complaint.objects.filter(pk=complaint.pk, escalated_at__isnull=True).update(
                escalated_at=timezone.now()
            )
            if not updated:  # another host got there first
                continue
            ComplaintEvent.objects.create(
                village=complaint.village,
                complaint=complaint,
                kind=ComplaintEvent.Kind.ESCALATED,
                actor_label=_("Sistem"),
            )
        done.append(complaint)
    if done:
        _notify(done)
    return done


def _notify(done: list[Complaint]) -> None:
    """One e-mail per person; a mail server that refuses one does not stop the others (the
    escalation itself is already saved and shows on their dashboards)."""
    with translation.override(settings.LANGUAGE_CODE):
        for email, mine in sorted(_recipients(done).items()):
            subject = _("%(n)d pengaduan warga diteruskan kepada Anda") % {"n": len(mine)}
            try:
                send_mail(subject, _body(mine), settings.DEFAULT_FROM_EMAIL, [email])
            except OSError:
                logger.exception("complaints: an escalation e-mail could not be sent")
