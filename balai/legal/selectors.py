"""Reads of the legal acts register: the public list with its filters, one act with the acts
around it, the Perdes the DIP links to, and the district's view of published APB Desa Perdes.

`public_acts(village)` is the one definition of what the public may see (published acts); the
site, the JDIH feed, the DIP links, the district view and the open-data module all start there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet

from balai.legal.models import LegalAct, split_subjects
from balai.regions.models import Region
from balai.villages.models import Village

MAX_SUBJECTS = 60  # subject filter options shown


def public_acts(village: Village) -> QuerySet[LegalAct]:
    """The village's published acts, newest first (also the open-data module's source)."""
    return LegalAct.objects.for_village(village).filter(published=True)


def has_public_acts(village: Village) -> bool:
    """Whether the menu shows Produk Hukum; cached under the content version (any save of an
    act bumps it), so the menu costs no query per page."""
    if village.is_kelurahan or not village.pk:
        return False
    key = f"balai:legal:any:{village.pk}:{village.content_version}"
    found = cache.get(key)
    if found is None:
        found = public_acts(village).exists()
        cache.set(key, found, 3600)
    return found


@dataclass(frozen=True)
class ActFilters:
    q: str = ""
    kind: str = ""
    year: int | None = None
    status: str = ""
    subject: str = ""

    @property
    def active(self) -> bool:
        return bool(self.q or self.kind or self.year or self.status or self.subject)


def filters_from(params: dict[str, str]) -> ActFilters:
    """Filters from a query string; an unknown value is ignored, never an error."""
    year_text = params.get("tahun", "").strip()
    kind = params.get("jenis", "")
    status = params.get("status", "")
    return ActFilters(
        q=params.get("q", "").strip()[:100],
        kind=kind if kind in LegalAct.Kind.values else "",
        year=int(year_text) if year_text.isdigit() and len(year_text) == 4 else None,
        status=status if status in LegalAct.Status.values else "",
        subject=" ".join(params.get("subjek", "").split()).lower()[:60],
    )


def subject_q(subject: str) -> Q:
    """Acts tagged exactly `subject` (subjects are stored as 'a, b, c')."""
    return (
        Q(subjects=subject)
        | Q(subjects__startswith=f"{subject}, ")
        | Q(subjects__endswith=f", {subject}")
        | Q(subjects__contains=f", {subject}, ")
    )


def act_search(qs: QuerySet[LegalAct], filters: ActFilters) -> QuerySet[LegalAct]:
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.subject:
        qs = qs.filter(subject_q(filters.subject))
    for word in filters.q.split()[:6]:
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(abstract__icontains=word)
            | Q(number__iexact=word)
            | Q(subjects__icontains=word)
        )
    return qs


def filter_options(village: Village) -> dict[str, list]:
    """The years and subjects the public list can filter by (of published acts only)."""
    acts = public_acts(village).order_by()
    years = sorted(set(acts.values_list("year", flat=True)), reverse=True)
    subjects: set[str] = set()
    for text in acts.exclude(subjects="").values_list("subjects", flat=True)[:2000]:
        subjects.update(split_subjects(text))
    return {"years": years, "subjects": sorted(subjects)[:MAX_SUBJECTS]}


def public_act(village: Village, slug: str) -> LegalAct | None:
    return public_acts(village).select_related("target").filter(slug=slug).first()


def changed_by(act: LegalAct) -> list[LegalAct]:
    """The published acts that amend or revoke `act`, oldest first."""
    return list(LegalAct.objects.filter(target=act, published=True).order_by("enacted_on", "id"))


# DIP ----------------------------------------------------------------------------------------

DIP_TOPICS = {  # DIP checklist key (disclosure/checklist.py) → act topic
    "rpjmdes": LegalAct.Topic.RPJMDES,
    "rkpdes": LegalAct.Topic.RKPDES,
    "apbdes": LegalAct.Topic.APBDES,
}


def acts_for_dip(village: Village, year: int) -> dict[str, LegalAct]:
    """For the DIP of `year`: checklist key → the published Perdes on that plan or budget whose
    period covers the year, not revoked; the newest (an amending Perdes, e.g. the APB Desa
    Perubahan) wins. One query, none for a village without published acts (whose answer the
    menu then reads from the cache)."""
    if not has_public_acts(village):
        return {}
    qs = (
        public_acts(village)
        .filter(
            kind=LegalAct.Kind.PERDES,
            topic__in=DIP_TOPICS.values(),
            period_from__lte=year,
        )
        .filter(Q(period_to__gte=year) | Q(period_to__isnull=True, period_from=year))
        .exclude(status=LegalAct.Status.DICABUT)
        .order_by("enacted_on", "id")
    )
    by_topic = {act.topic: act for act in qs}  # the newest last, so it stays
    return {key: by_topic[topic] for key, topic in DIP_TOPICS.items() if topic in by_topic}


# District ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApbdesRow:
    village: Village
    act: LegalAct | None


def district_apbdes(*, year: int, kecamatan: Region | None = None) -> list[ApbdesRow]:
    """Every live desa (kelurahan have no Perdes), with its published APB Desa Perdes for
    `year` or None. Two queries, whatever the number of villages."""
    villages = (
        Village.objects.filter(status=Village.Status.LIVE)
        .exclude(region__type=Region.Type.KELURAHAN)
        .select_related("region", "region__parent")
        .order_by("region__parent__name", "region__name")
    )
    if kecamatan is not None:
        villages = villages.filter(region__parent=kecamatan)
    acts = (
        LegalAct.objects.filter(
            published=True,
            kind=LegalAct.Kind.PERDES,
            topic=LegalAct.Topic.APBDES,
            period_from__lte=year,
            village__in=villages,
        )
        .filter(Q(period_to__gte=year) | Q(period_to__isnull=True, period_from=year))
        .exclude(status=LegalAct.Status.DICABUT)
        .order_by("enacted_on", "id")
        .only("village_id", "slug", "kind", "number", "year", "title", "enacted_on")
    )
    found = {act.village_id: act for act in acts}  # the newest per village stays
    return [ApbdesRow(village, found.get(village.pk)) for village in villages]


def kecamatans() -> list[Region]:
    return list(
        Region.objects.filter(
            level=Region.Level.KECAMATAN,
            children__village_site__status=Village.Status.LIVE,
        )
        .distinct()
        .order_by("name")
    )


def with_links(qs: QuerySet[LegalAct]) -> QuerySet[LegalAct]:
    """Each act with its target and the published acts changing it (`incoming`): three
    queries for any number of acts."""
    incoming = LegalAct.objects.filter(published=True).order_by("enacted_on", "id")
    return qs.select_related("target").prefetch_related(
        Prefetch("changed_by", queryset=incoming, to_attr="incoming")
    )
