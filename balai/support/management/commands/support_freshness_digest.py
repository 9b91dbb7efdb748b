"""The weekly digest: villages whose freshness slipped in the last seven days, emailed to the
district admins, to kecamatan viewers (their villages) and to mentors (theirs)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from balai.accounts.models import KecamatanViewer, User
from balai.support.freshness import freshness_checks
from balai.support.freshness_selectors import freshness_slipped
from balai.villages.models import Membership


def _line(row) -> str:
    labels = {c.key: str(c.label) for c in freshness_checks()}
    parts = ", ".join(labels.get(k, k) for k in row.slipped_parts)
    return f"- {row.village.display_name} ({row.score}/100): {parts}"


def digest_messages() -> list[tuple[str, str, str, list[str]]]:
    rows = freshness_slipped()
    if not rows:
        return []
    by_email: dict[str, list] = {}
    for user in User.objects.filter(is_district_admin=True, is_active=True):
        by_email[user.email] = rows
    for viewer in KecamatanViewer.objects.select_related("user"):
        mine = [r for r in rows if r.village.region.parent_id == viewer.kecamatan_id]
        by_email.setdefault(viewer.user.email, []).extend(mine)
    mentors = Membership.objects.filter(role="mentor", village_id__in=[r.village_id for r in rows])
    for m in mentors.select_related("user"):
        mine = [r for r in rows if r.village_id == m.village_id]
        by_email.setdefault(m.user.email, []).extend(mine)
    subject = _("Desa yang situsnya mulai terbengkalai minggu ini")
    intro = _("Bagian situs berikut dulu terisi dan kini tidak lagi:\n\n")
    return [
        (
            subject,
            intro + "\n".join(_line(r) for r in sorted(set(mine), key=lambda r: r.pk)),
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
        for email, mine in sorted(by_email.items())
        if mine
    ]


class Command(BaseCommand):
    help = "Email the weekly list of villages whose freshness slipped."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"emails: {send_mass_mail(digest_messages())}")
