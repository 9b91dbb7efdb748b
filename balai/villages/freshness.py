"""The village site's own freshness checks: a filled-in profile, listed officials, a privacy
page, and an admin who signed in lately. The district's watch (balai/watch/freshness.py) finds
`CHECKS` here by the module's name and stores the scores daily."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.villages.models import Membership, Page, Village
from balai.villages.selectors import PRIVACY_SLUGS

PROFILE_FIELDS = ("tagline", "history", "vision", "mission", "office_address", "phone")
RECENT_LOGIN = timedelta(days=30)


def profile_complete(village: Village) -> bool:
    return all(getattr(village, name) for name in PROFILE_FIELDS)


def officials_listed(village: Village) -> bool:
    return village.officials.exists()


def privacy_page(village: Village) -> bool:
    pages = Page.objects.for_village(village)
    return pages.filter(slug__in=PRIVACY_SLUGS, is_published=True).exists()


def admin_login_recent(village: Village) -> bool:
    since = timezone.now() - RECENT_LOGIN
    admins = Membership.objects.for_village(village).filter(role=Membership.Role.ADMIN)
    return admins.filter(user__last_login__gte=since).exists()


CHECKS = [
    ("profile", _("Profil lengkap"), profile_complete, 2),
    ("officials", _("Perangkat terdaftar"), officials_listed, 1),
    ("privacy", _("Halaman privasi"), privacy_page, 1),
    ("admin_login", _("Admin masuk 30 hari terakhir"), admin_login_recent, 2),
]
