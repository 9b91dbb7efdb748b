"""Reads for registration: which villages can still apply, slug availability, the review queue."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db.models import Case, Count, F, IntegerField, Max, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from balai.disclosure.calendar import WorkingCalendar
from balai.regions.models import Region
from balai.regions.selectors import village_regions
from balai.registrations.models import REVIEW_WORKING_DAYS, Application, ApplicationEvent
from balai.villages.models import RESERVED_SLUGS, Village, VillageDomain, slug_validator


def region_states(codes: list[str] | None = None) -> dict[str, str]:
    """Region code → why it cannot apply: a Village status ('live', 'draft', 'suspended') or an
    open application status ('submitted', 'revision'). Free regions are absent."""
    villages = Village.objects.all()
    applications = Application.objects.filter(status__in=Application.OPEN_STATUSES)
    if codes is not None:
        villages = villages.filter(region_id__in=codes)
        applications = applications.filter(region_id__in=codes)
    states = dict(applications.values_list("region_id", "status"))
    states.update(villages.values_list("region_id", "status"))  # a site outranks an application
    return states


def state_message(state: str) -> str:
    """One sentence naming why a village cannot apply, for the applicant."""
    messages: dict[str, str] = {
        Village.Status.LIVE: _("Desa ini sudah punya situs yang tayang di Balai."),
        Village.Status.DRAFT: _("Situs desa ini sudah dibuat dan sedang disiapkan."),
        Village.Status.SUSPENDED: _("Desa ini sudah punya situs di Balai (sedang ditangguhkan)."),
        Application.Status.SUBMITTED: _(
            "Desa ini sudah mengajukan permohonan yang sedang menunggu tinjauan kabupaten."
        ),
        Application.Status.REVISION: _(
            "Desa ini sudah mengajukan permohonan yang sedang menunggu perbaikan dari pemohon."
        ),
    }
    return messages.get(state, _("Desa ini tidak dapat didaftarkan saat ini."))


def state_note(state: str | None) -> str:
    """A few words beside a village that cannot apply (the search results); "" when it can."""
    notes: dict[str, str] = {
        Village.Status.LIVE: _("sudah punya situs"),
        Village.Status.SUSPENDED: _("sudah punya situs"),
        Village.Status.DRAFT: _("situs sedang disiapkan"),
        Application.Status.SUBMITTED: _("permohonan sedang ditinjau"),
        Application.Status.REVISION: _("permohonan menunggu perbaikan"),
    }
    return notes.get(state, "") if state else ""


def region_search(q: str, *, limit: int = 60) -> list[tuple[Region, str]]:
    """Desa and kelurahan whose own or kecamatan name contains q, each with a note saying why
    it cannot apply ("" when it can)."""
    q = q.strip()
    if len(q) < 2:
        return []
    regions = list(
        village_regions().filter(Q(name__icontains=q) | Q(parent__name__icontains=q))[:limit]
    )
    states = region_states([r.code for r in regions])
    return [(r, state_note(states.get(r.code))) for r in regions]


def region_for_application(code: str) -> Region | None:
    return village_regions().filter(code=code).first()


def slug_suggestion(region: Region) -> str:
    """The region name slugified, qualified with the kecamatan when the name repeats."""
    base = slugify(region.name)
    repeats = village_regions().filter(name__iexact=region.name).count() > 1
    if repeats or not slug_is_free(base):
        return f"{base}-{slugify(region.parent_name)}"[:50]
    return base


def slug_is_free(slug: str, *, exclude_application: int | None = None) -> bool:
    return slug_problem(slug, exclude_application=exclude_application) is None


def slug_problem(slug: str, *, exclude_application: int | None = None) -> str | None:
    """Why a wanted address cannot be used, or None when it can."""
    try:
        slug_validator(slug)
    except ValidationError:
        return str(slug_validator.message)
    if slug in RESERVED_SLUGS:
        return _("Alamat ini dipakai oleh sistem. Pilih alamat lain.")
    if Village.objects.filter(slug=slug).exists():
        return _("Alamat ini sudah dipakai desa lain. Pilih alamat lain.")
    wanted = Application.objects.filter(status__in=Application.OPEN_STATUSES, wanted_slug=slug)
    if exclude_application:
        wanted = wanted.exclude(pk=exclude_application)
    if wanted.exists():
        return _("Alamat ini sudah diminta oleh permohonan lain. Pilih alamat lain.")
    return None


def domain_problem(domain: str, *, exclude_application: int | None = None) -> str | None:
    if VillageDomain.objects.filter(domain=domain).exists():
        return _("Domain ini sudah dipakai situs desa lain di Balai.")
    wanted = Application.objects.filter(
        status__in=Application.OPEN_STATUSES, existing_domain=domain
    )
    if exclude_application:
        wanted = wanted.exclude(pk=exclude_application)
    if wanted.exists():
        return _("Domain ini sudah diajukan oleh permohonan lain.")
    return None


def application_for_code(code: str) -> Application | None:
    code = code.strip().upper().replace(" ", "").replace("-", "")
    return (
        Application.objects.select_related("region", "region__parent", "village")
        .filter(code=code)
        .first()
    )


# Open applications first (what needs work), then the oldest first within each group.
QUEUE_ORDER = {"submitted": 0, "revision": 1, "approved": 2, "rejected": 3}


def review_cutoff(today: date) -> datetime:
    """An application submitted before this moment has waited more than REVIEW_WORKING_DAYS
    working days (weekends, national and the district's local holidays do not count: the
    calendar of the PPID clock)."""
    day = WorkingCalendar().add_working_days(today, -REVIEW_WORKING_DAYS)
    return timezone.make_aware(datetime.combine(day, time.min))


def application_queue(
    *, status: str = "", overdue: bool = False, today: date | None = None
) -> QuerySet[Application]:
    """Open applications first, the one waiting longest first. `waiting_since` is when the
    district got it last (submitted or resubmitted); `is_overdue` marks a submitted one that
    waited past REVIEW_WORKING_DAYS, the wait the applicant was told."""
    queryset = Application.objects.select_related("region", "region__parent")
    if status:
        queryset = queryset.filter(status=status)
    rank = Case(
        *[When(status=s, then=Value(n)) for s, n in QUEUE_ORDER.items()],
        output_field=IntegerField(),
    )
    sent = (ApplicationEvent.Kind.SUBMITTED, ApplicationEvent.Kind.RESUBMITTED)
    cutoff = review_cutoff(today or timezone.localdate())
    annotated = queryset.annotate(
        rank=rank,
        waiting_since=Coalesce(
            Max("events__created_at", filter=Q(events__kind__in=sent)), F("created_at")
        ),
    ).annotate(
        is_overdue=Case(
            When(status=Application.Status.SUBMITTED, waiting_since__lt=cutoff, then=True),
            default=False,
        )
    )
    if overdue:
        annotated = annotated.filter(is_overdue=True)
    return annotated.order_by("rank", "waiting_since", "created_at")


def application_overdue_count(*, today: date | None = None) -> int:
    return application_waiting_counts(today=today)["overdue"]


def application_waiting_counts(*, today: date | None = None) -> dict[str, int]:
    """Submitted applications waiting for review and how many are overdue (one query)."""
    rows = application_queue(status=Application.Status.SUBMITTED, today=today).order_by()
    return rows.aggregate(waiting=Count("pk"), overdue=Count("pk", filter=Q(is_overdue=True)))


def application_counts() -> dict[str, int]:
    rows = Application.objects.values("status").annotate(n=Count("id")).order_by()
    counts = dict.fromkeys(Application.Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
