"""Reads of the PPID Desa: the profile, the DIP with what is missing, the request queue on the
clock, the active serta-merta notice, and the figures of the annual report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db.models import Avg, Count, F, Max, Q
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from balai.disclosure.calendar import WorkingCalendar
from balai.disclosure.models import DipItem, EmergencyNotice, InfoRequest, Objection, PpidProfile
from balai.legal import selectors as legal_selectors
from balai.legal.models import LegalAct
from balai.lib.phone import normalize_whatsapp
from balai.villages import selectors as village_selectors
from balai.villages.models import Official, Village

WARN_DAYS = 3  # working days left at which the dashboard warns


def has_ppid(village: Village) -> bool:
    return not village.is_kelurahan


def ppid_is_set_up(village: Village) -> bool:
    """Whether the village menu shows PPID: a desa whose PPID profile is saved. Cached under
    the content version (saving the profile bumps it), so the menu costs no query per page."""
    if village.is_kelurahan or not village.pk:
        return False
    key = f"balai:ppid:set-up:{village.pk}:{village.content_version}"
    found = cache.get(key)
    if found is None:
        found = PpidProfile.objects.for_village(village).exists()
        cache.set(key, found, 3600)
    return found


def profile_for(village: Village) -> PpidProfile:
    """The saved profile, or an unsaved one with the sekretaris and kepala desa filled in."""
    profile = PpidProfile.objects.for_village(village).first()
    if profile:
        return profile
    profile = PpidProfile(village=village)
    for official in village_selectors.officials_for(village):
        position = official.position.lower()
        if "sekretaris" in position and not profile.ppid_name:
            profile.ppid_name = official.name
        elif position.startswith("kepala desa") and not profile.atasan_name:
            profile.atasan_name = official.name
    return profile


def active_emergency(village: Village) -> EmergencyNotice | None:
    """The serta-merta notice to show as a banner on every page of the village site."""
    if village.is_kelurahan:
        return None
    return EmergencyNotice.objects.for_village(village).filter(ended_at__isnull=True).first()


def active_emergencies() -> list[EmergencyNotice]:
    """Active serta-merta notices of all live villages, for a banner on the district portal."""
    qs = EmergencyNotice.objects.filter(ended_at__isnull=True, village__status=Village.Status.LIVE)
    return list(qs.select_related("village", "village__region"))


# DIP -----------------------------------------------------------------------------------------


def _page_href(village: Village, name: str, reverse_page: Callable[[str], str]) -> str:
    if name == "profile" and not village_selectors.profile_is_filled(village):
        return ""
    if name == "government" and not village_selectors.has_officials(village):
        return ""
    try:
        return reverse_page(name)
    except NoReverseMatch:  # a module (budget, news) not shipped on this install
        return ""


def _act_href(act: LegalAct, reverse_page: Callable[..., str]) -> str:
    try:
        return reverse_page("legal_act", act_slug=act.slug)
    except NoReverseMatch:
        return ""


@dataclass
class DipRow:
    item: DipItem
    href: str
    act: LegalAct | None = None  # the Perdes on RPJM/RKP/APB Desa that answers the item

    @property
    def is_missing(self) -> bool:
        return not self.item.is_exempt and not self.href


def dip_years(village: Village) -> list[int]:
    years = DipItem.objects.for_village(village).order_by().values_list("year", flat=True)
    return sorted(set(years.distinct()), reverse=True)


def dip_rows(village: Village, year: int, reverse_page: Callable[..., str]) -> list[DipRow]:
    """The DIP of `year` with where each item can be had: its file, else the matching Perdes of
    the legal acts register (RPJM Desa, RKP Desa, APB Desa, found by topic and year, so the link
    follows the register without anyone editing the DIP), else its site page, else its link.
    `reverse_page(name, **kwargs)` gives a path in the village site."""
    rows = []
    acts = legal_selectors.acts_for_dip(village, year)
    for item in DipItem.objects.for_village(village).filter(year=year):
        href, act = "", None
        if not item.is_exempt:
            act = acts.get(item.checklist_key)
            if item.file:
                href = item.file.url
            elif act is not None:
                href = _act_href(act, reverse_page)
            if not href and item.page_name:
                href = _page_href(village, item.page_name, reverse_page)
            href = href or item.link
        rows.append(DipRow(item, href, act))
    rank = {value: i for i, value in enumerate(DipItem.Category.values)}
    return sorted(rows, key=lambda r: (rank[r.item.category], r.item.order, r.item.pk))


def dip_completeness(rows: list[DipRow]) -> tuple[int, int]:
    """(berkala items present, berkala items in all)."""
    berkala = [r for r in rows if r.item.category == DipItem.Category.BERKALA]
    return sum(1 for r in berkala if not r.is_missing), len(berkala)


# Requests ------------------------------------------------------------------------------------


@dataclass
class QueueRow:
    info: InfoRequest
    days_left: int

    @property
    def is_late(self) -> bool:
        return self.days_left < 0

    @property
    def days_late(self) -> int:
        return -self.days_left

    @property
    def is_warned(self) -> bool:
        return 0 <= self.days_left <= WARN_DAYS


def request_queue(village: Village, *, today: date) -> list[QueueRow]:
    """Open requests, fewest working days left first (late ones on top)."""
    calendar = WorkingCalendar()
    open_requests = InfoRequest.objects.for_village(village).filter(decision="")
    rows = [
        QueueRow(info, calendar.working_days_between(today, info.due_on)) for info in open_requests
    ]
    return sorted(rows, key=lambda r: (r.days_left, r.info.received_on))


def answered_requests(village: Village, *, limit: int = 50) -> list[InfoRequest]:
    qs = InfoRequest.objects.for_village(village).exclude(decision="")
    return list(qs.order_by("-decided_on", "-id")[:limit])


def open_objections(village: Village) -> list[Objection]:
    qs = Objection.objects.for_village(village).filter(decision="").select_related("request")
    return list(qs.order_by("due_on"))


def request_by_token(village: Village, token: str) -> InfoRequest | None:
    return InfoRequest.objects.for_village(village).filter(token=token).first()


def request_by_contact(village: Village, *, number: str, contact: str) -> InfoRequest | None:
    """The request with this number, when `contact` is the email or phone given with it."""
    found = InfoRequest.objects.for_village(village).filter(number=number).first()
    if found is None:
        return None
    secret = contact.strip()
    phone = normalize_whatsapp(secret)
    if (found.email and found.email.lower() == secret.lower()) or (phone and found.phone == phone):
        return found
    return None


# Annual report -------------------------------------------------------------------------------


def report_years(village: Village) -> list[int]:
    dates = InfoRequest.objects.for_village(village).dates("received_on", "year", order="DESC")
    return [d.year for d in dates]


def annual_report(village: Village, year: int) -> dict:
    """The yearly PPID report from the registers: counts only, never a requester."""
    requests = InfoRequest.objects.for_village(village).filter(received_on__year=year)
    by_channel = dict(requests.values_list("channel").annotate(n=Count("id")))
    by_decision = dict(requests.values_list("decision").annotate(n=Count("id")))
    decided = requests.exclude(decision="")
    timing = decided.aggregate(avg=Avg("response_days"), max=Max("response_days"))
    refusals = list(
        decided.filter(decision=InfoRequest.Decision.REFUSED)
        .values_list("exemption_ground")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    objections = Objection.objects.for_village(village).filter(filed_on__year=year)
    by_outcome = dict(objections.values_list("decision").annotate(n=Count("id")))
    ground_counts: dict[str, int] = {}
    for grounds in objections.values_list("grounds", flat=True):
        for g in grounds:
            ground_counts[g] = ground_counts.get(g, 0) + 1
    return {
        "year": year,
        "total": requests.count(),
        "channels": [(label, by_channel.get(v, 0)) for v, label in InfoRequest.Channel.choices],
        "decisions": [(label, by_decision.get(v, 0)) for v, label in InfoRequest.Decision.choices],
        "open": by_decision.get("", 0),
        "late": decided.filter(decided_on__gt=F("due_on")).count(),
        "extended": requests.filter(extended_on__isnull=False).count(),
        "avg_days": round(timing["avg"], 1) if timing["avg"] is not None else None,
        "max_days": timing["max"],
        "refusals": refusals,
        "objections": sum(by_outcome.values()),
        "objection_outcomes": [
            (label, by_outcome.get(v, 0)) for v, label in Objection.Decision.choices
        ]
        + [(_("Masih diproses"), by_outcome.get("", 0))],
        "objection_grounds": [
            (label, ground_counts[v]) for v, label in Objection.Ground.choices if v in ground_counts
        ],
    }


# District ------------------------------------------------------------------------------------


def district_compliance(*, today: date) -> list[dict]:
    """Per live desa: DIP completeness this year, open and late requests, average response
    time and objections — aggregated with GROUP BY village on the same tables."""
    villages = list(
        Village.objects.filter(status=Village.Status.LIVE)
        .exclude(region__type="kelurahan")
        .select_related("region", "region__parent")
        .order_by("region__parent__name", "region__name")
    )
    year = today.year
    requests = InfoRequest.objects.values("village").annotate(
        open=Count("id", filter=Q(decision="")),
        late=Count("id", filter=Q(decision="", due_on__lt=today)),
        answered_late=Count("id", filter=Q(decided_on__gt=F("due_on"))),
        avg=Avg("response_days"),
        total=Count("id"),
    )
    by_request: dict[int, dict[str, Any]] = {r["village"]: dict(r) for r in requests}
    objections = dict(Objection.objects.values_list("village").annotate(n=Count("id")))
    dip_total, dip_done = _district_dip(villages, year)
    rows = []
    for village in villages:
        r = by_request.get(village.pk, {})
        total = dip_total.get(village.pk, 0)
        done = dip_done.get(village.pk, 0)
        rows.append(
            {
                "village": village,
                "dip_done": done,
                "dip_total": total,
                "dip_percent": round(100 * done / total) if total else 0,
                "open": r.get("open", 0),
                "late": r.get("late", 0),
                "answered_late": r.get("answered_late", 0),
                "avg_days": round(r["avg"], 1) if r.get("avg") is not None else None,
                "requests": r.get("total", 0),
                "objections": objections.get(village.pk, 0),
            }
        )
    return rows


def _district_dip(villages: list[Village], year: int) -> tuple[dict[int, int], dict[int, int]]:
    """Berkala items per village and how many are available — by the same rule as the village's
    own DIP page (a linked page counts only when it has content), without a query per village."""
    from django.urls import reverse

    with_officials = set(
        Official.objects.filter(village__in=villages).values_list("village", flat=True).distinct()
    )
    filled = {v.pk for v in villages if village_selectors.profile_is_filled(v)}
    shipped: dict[str, bool] = {}
    total: dict[int, int] = {}
    done: dict[int, int] = {}
    items = DipItem.objects.filter(
        village__in=villages, year=year, category=DipItem.Category.BERKALA
    ).values_list("village", "page_name", "file", "link")
    for village_id, page, file, link in items:
        total[village_id] = total.get(village_id, 0) + 1
        if page and page not in shipped:
            try:
                reverse(f"site:{page}", kwargs={"village_slug": "x"})
                shipped[page] = True
            except NoReverseMatch:
                shipped[page] = False
        ok = bool(file or link)
        if page and shipped[page] and not ok:
            if page == "government":
                ok = village_id in with_officials
            elif page == "profile":
                ok = village_id in filled
            else:
                ok = True
        done[village_id] = done.get(village_id, 0) + ok
    return total, done
