"""Writes of the district's watch besides the detection itself (freshness.py, integrity.py): the
weekly digest of villages that slipped, and marking an alert handled."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.watch.freshness import freshness_checks
from balai.watch.models import IntegrityAlert
from balai.watch.selectors import freshness_digest_recipients, freshness_slipped


def freshness_digest_messages() -> list[tuple[str, str, str, list[str]]]:
    """One e-mail per person naming the villages (theirs) whose freshness slipped this week."""
    rows = freshness_slipped()
    if not rows:
        return []
    labels = {c.key: str(c.label) for c in freshness_checks()}
    subject = _("Desa yang situsnya mulai terbengkalai minggu ini")
    intro = _("Bagian situs berikut dulu terisi dan kini tidak lagi:\n\n")
    messages = []
    for email, mine in freshness_digest_recipients(rows):
        lines = [
            f"- {r.village.display_name} ({r.score}/100): "
            + ", ".join(labels.get(k, k) for k in r.slipped_parts)
            for r in mine
        ]
        messages.append((subject, intro + "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [email]))
    return messages


def freshness_digest_send() -> int:
    return send_mass_mail(freshness_digest_messages()) or 0


def integrity_alert_handle(*, pk: int) -> bool:
    """Mark one open alert handled; False when it was already handled (or does not exist)."""
    rows = IntegrityAlert.objects.filter(pk=pk, handled_at__isnull=True)
    return rows.update(handled_at=timezone.now()) == 1
