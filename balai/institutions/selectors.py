"""Reads of village institutions for the site, the dashboard, the checklist and open data.

Public reads carry names and positions only (`PUBLIC_MEMBER_FIELDS`): never the register link.
Each read costs a fixed number of queries whatever the number of institutions or members.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from balai.institutions.models import Institution, Member
from balai.news.models import Article
from balai.villages.models import Village
from balai.villages.selectors import ChecklistItem

MENU_KEY = "institutions"  # the key of this module's site menu entry
REMIND_DAYS = 90  # a term ending within this many days shows on the village's checklist
PUBLIC_MEMBER_FIELDS = ("id", "institution_id", "name", "position", "order", "photo")
ACTIVITY_LIMIT = 12
KIND_RANK = {kind: rank for rank, kind in enumerate(Institution.Kind.values)}
# Positions that lead a board, for the one-line summary ("Ketua: …") on lists and the chart.
CHAIR_WORDS = ("ketua", "direktur", "kepala", "komandan", "koordinator")


def _by_kind(rows: Iterable[Institution]) -> list[Institution]:
    return sorted(rows, key=lambda i: (KIND_RANK.get(i.kind, 99), i.name.lower(), i.pk))


def _public_members() -> Prefetch:
    return Prefetch("members", queryset=Member.objects.only(*PUBLIC_MEMBER_FIELDS))


def public_institutions(village: Village) -> list[Institution]:
    """Every institution of the village with its members (names and positions, in order), in
    the order of their kinds: the /lembaga/ page and the open-data dataset. Two queries."""
    rows = (
        Institution.objects.for_village(village)
        .defer("created_at")
        .prefetch_related(_public_members())
    )
    return _by_kind(rows)


def has_institutions(village: Village) -> bool:
    return Institution.objects.for_village(village).exists()


@dataclass
class KindGroup:
    kind: str
    label: StrOrPromise
    institutions: list[Institution] = field(default_factory=list)


def institutions_by_kind(institutions: list[Institution]) -> list[KindGroup]:
    groups: dict[str, KindGroup] = {}
    for inst in institutions:
        group = groups.setdefault(inst.kind, KindGroup(inst.kind, inst.get_kind_display()))
        group.institutions.append(inst)
    return list(groups.values())


def chair_of(institution: Institution) -> Member | None:
    """The member who leads the board (from prefetched members): a chair word in the position,
    else the first in order."""
    members = list(institution.members.all())
    for member in members:
        position = member.position.lower()
        if any(position.startswith(word) for word in CHAIR_WORDS) and "wakil" not in position:
            return member
    return members[0] if members else None


def public_institution(village: Village, slug: str) -> Institution | None:
    return (
        Institution.objects.for_village(village)
        .prefetch_related(_public_members())
        .filter(slug=slug)
        .first()
    )


def institution_activities(
    institution: Institution, *, limit: int = ACTIVITY_LIMIT
) -> list[Article]:
    """The live published articles linked to the institution, newest first."""
    return list(
        institution.articles.filter(
            village=institution.village_id,
            status=Article.Status.PUBLISHED,
            publish_at__lte=timezone.now(),
        )
        .select_related("lead_image", "category")
        .defer("body", "search_text", "held_reason")
        .order_by("-publish_at", "-id")[:limit]
    )


def linkable_articles(
    village: Village, *, chosen: Iterable[int] = (), limit: int = 60
) -> QuerySet[Article]:
    """The village's published articles an admin may link as activities: the latest `limit`
    and every one already chosen."""
    published = Article.objects.for_village(village).filter(status=Article.Status.PUBLISHED)
    latest = list(published.order_by("-publish_at", "-id").values_list("pk", flat=True)[:limit])
    return published.filter(pk__in=[*latest, *chosen]).order_by("-publish_at", "-id")


def dashboard_institutions(village: Village) -> list[Institution]:
    rows = Institution.objects.for_village(village).annotate(
        member_count=Count("members", distinct=True)
    )
    return _by_kind(rows)


# ---------------------------------------------------------------------------------------------
# Terms: what the village checklist reminds of


def term_ending(institution: Institution, today: datetime.date) -> bool:
    days = institution.term_days_left(today)
    return days is not None and days <= REMIND_DAYS


def ending_terms(village: Village, *, today: datetime.date | None = None) -> list[Institution]:
    """Institutions whose term ends within REMIND_DAYS or has ended, soonest first."""
    today = today or timezone.localdate()
    limit = today + datetime.timedelta(days=REMIND_DAYS)
    return list(
        Institution.objects.for_village(village)
        .filter(period_end__isnull=False, period_end__lte=limit)
        .only("id", "name", "period_end")
        .order_by("period_end", "name")
    )


def term_checklist(village: Village) -> list[ChecklistItem]:
    """One reminder per institution whose term ends within 90 days or has ended (the village
    dashboard's checklist; villages.selectors.register_checklist_provider). One query."""
    today = timezone.localdate()
    items = []
    for inst in ending_terms(village, today=today):
        assert inst.period_end is not None
        when = date_format(inst.period_end, "j F Y")
        if inst.period_end < today:
            label = _("Masa bakti %(name)s sudah berakhir %(date)s") % {
                "name": inst.name,
                "date": when,
            }
        else:
            label = _("Masa bakti %(name)s berakhir %(date)s") % {"name": inst.name, "date": when}
        url = reverse("institutions_dashboard:edit", kwargs={"slug": village.slug, "pk": inst.pk})
        items.append(
            ChecklistItem(
                f"institution-term-{inst.pk}", label, False, url, _("Perbarui SK dan masa bakti")
            )
        )
    return items
