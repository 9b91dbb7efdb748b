"""The catalogue: which datasets each live village (and the district) publishes, with their
metadata, as plain `Entry` rows that the pages, the DCAT catalogue and the CKAN API all read.

Built from the registry's `coverage` functions, one query per function however many villages
(the district catalogue over 239 villages is a handful of queries), and cached under the
village's (or the district's) version token, which every public change moves; saving the
district's open-data settings moves them all (services.settings_save)."""

from __future__ import annotations

import functools
import gc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from balai.opendata.models import OpendataSettings
from balai.opendata.registry import (
    Coverage,
    CoverageFn,
    Dataset,
    find,
    frequency_label,
    registered,
    theme_label,
)
from balai.regions.models import Region
from balai.villages.cache import district_version, village_version, village_version_key
from balai.villages.models import Village

DISTRICT_ORG = "kabupaten"
CACHE_SECONDS = 60 * 60 * 24


@dataclass(frozen=True)
class Meta:
    """The district's settings, as every entry of a catalogue carries them."""

    publisher: str
    contact_name: str
    contact_email: str
    licence: str
    licence_title: str
    licence_uri: str
    default_frequency: str


@dataclass(frozen=True)
class Entry:
    name: str  # the CKAN package name: <village-slug>-<key> or kabupaten-<key>
    key: str
    scope: str
    org: str  # village slug or "kabupaten"
    org_title: str
    title: str
    description: str
    theme: str
    keywords: tuple[str, ...]
    frequency: str
    modified: datetime
    start: date | None
    end: date | None
    region_code: str
    region_name: str
    base: str  # absolute URL of the /data/ page the entry lives under
    source: str = ""

    @property
    def landing(self) -> str:
        return f"{self.base}{self.key}/"

    @property
    def csv_url(self) -> str:
        return f"{self.base}{self.key}.csv"

    @property
    def dictionary_url(self) -> str:
        return f"{self.base}{self.key}-kamus.csv"

    @property
    def json_url(self) -> str:
        return f"{self.base}{self.key}.json"

    @property
    def frequency_label(self) -> str:
        return str(frequency_label(self.frequency))

    @property
    def theme_label(self) -> str:
        return str(theme_label(self.theme))

    @property
    def id(self) -> str:
        """CKAN wants an id that does not change: derived from the name."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"balai:{self.name}"))

    @property
    def dataset(self) -> Dataset:
        found = find(self.scope, self.key)
        assert found is not None
        return found


@dataclass(frozen=True)
class Catalogue:
    title: str
    org: str
    region_code: str
    region_name: str
    base: str  # the /data/ page
    meta: Meta
    entries: list[Entry] = field(default_factory=list)
    # The organisations (CKAN): (slug, title, region code) of the district and each live village.
    orgs: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def modified(self) -> datetime:
        return max((e.modified for e in self.entries), default=datetime(2020, 1, 1, tzinfo=UTC))


def opendata_settings() -> OpendataSettings:
    return OpendataSettings.objects.first() or OpendataSettings()


def _meta() -> Meta:
    s = opendata_settings()
    return Meta(
        s.publisher_name,
        s.contact_name or s.publisher_name,
        s.contact_email,
        s.licence,
        s.licence_title,
        s.licence_uri,
        s.default_frequency,
    )


def district_base() -> str:
    path = reverse("opendata_district:index", urlconf=settings.ROOT_URLCONF)
    return f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}{path}"


@functools.cache
def _data_path() -> str:
    """/data/ as it follows a village's home (the same under every slug and host form)."""
    kwargs = {"village_slug": "x"}
    path = reverse("site:opendata_index", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)
    home = reverse("site:home", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)
    return path[len(home) :]


def village_base(village: Village) -> str:
    """The village's /data/ page at its preferred host (domain, subdomain or path), whichever
    host the request came to (the district's URLs name both forms)."""
    return village.public_base_url() + _data_path()


@contextmanager
def paused_gc() -> Iterator[None]:
    """A district catalogue is some 100,000 small objects made at once: the cyclic collector
    would walk the growing heap again and again while they are made (none of them is garbage
    yet), which costs more than making them. Nothing here makes reference cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _live() -> QuerySet[Village]:
    return Village.objects.filter(status=Village.Status.LIVE)


def _changed_at(village_ids: list[int]) -> dict[int, datetime]:
    """The second of each village's last public change (its version token), one cache trip."""
    found = cache.get_many([village_version_key(pk) for pk in village_ids])
    now = int(timezone.now().timestamp())
    return {
        pk: datetime.fromtimestamp((found.get(village_version_key(pk)) or ("", now))[1], UTC)
        for pk in village_ids
    }


@dataclass(frozen=True)
class _Texts:
    """A dataset's texts in the current language, made once per catalogue (not per village)."""

    title: str
    description: str
    keywords: tuple[str, ...]
    source: str

    @classmethod
    def of(cls, ds: Dataset) -> _Texts:
        return cls(
            str(ds.title), str(ds.description), tuple(str(k) for k in ds.keywords), str(ds.source)
        )


@dataclass(frozen=True)
class _Org:
    slug: str
    title: str
    code: str
    region: str
    base: str

    @classmethod
    def of(cls, village: Village) -> _Org:
        region = village.region
        title = f"{_region_type(region.type)} {region.name}"
        return cls(village.slug, title, village.region_id, region.name, village_base(village))


def _region_type(code: str) -> str:
    return str(Region.Type(code).label) if code in Region.Type.values else code


def _entry(
    ds: Dataset, texts: _Texts, cov: Coverage, when: datetime, meta: Meta, org: _Org
) -> Entry:
    return Entry(
        name=f"{org.slug}-{ds.key}",
        key=ds.key,
        scope=ds.scope,
        org=org.slug,
        org_title=org.title,
        title=texts.title,
        description=texts.description,
        theme=ds.theme,
        keywords=texts.keywords,
        frequency=ds.frequency or meta.default_frequency,
        modified=cov.modified or when,
        start=cov.start,
        end=cov.end,
        region_code=org.code,
        region_name=org.region,
        base=org.base,
        source=texts.source,
    )


def _coverages(villages: QuerySet[Village], datasets: list[Dataset]) -> dict[CoverageFn, dict]:
    found: dict[CoverageFn, dict[int, Coverage]] = {}
    for ds in datasets:
        if ds.coverage not in found:
            found[ds.coverage] = ds.coverage(villages)
    return found


def _village_entries(
    village: Village, meta: Meta, covs: dict, when: datetime, texts: dict[Dataset, _Texts]
) -> list[Entry]:
    org = _Org.of(village)
    return [
        _entry(ds, texts[ds], covs[ds.coverage][village.pk], when, meta, org)
        for ds in registered("village")
        if village.pk in covs[ds.coverage]
    ]


def _texts(scope: str) -> dict[Dataset, _Texts]:
    return {ds: _Texts.of(ds) for ds in registered(scope)}


def village_catalogue(village: Village) -> Catalogue:
    """The village's datasets (none for a village that is not live)."""
    token = village_version(village.pk)[0]
    key = f"balai:opendata:v{village.pk}:{token}:{get_language()}"
    found = cache.get(key)
    if found is None:
        meta = _meta()
        entries: list[Entry] = []
        if village.is_live:
            covs = _coverages(_live().filter(pk=village.pk), registered("village"))
            when = _changed_at([village.pk])[village.pk]
            entries = _village_entries(village, meta, covs, when, _texts("village"))
        found = Catalogue(
            village.display_name,
            village.slug,
            village.region_id,
            village.region.name,
            village_base(village),
            meta,
            entries,
        )
        cache.set(key, found, CACHE_SECONDS)
    return found


def village_entries(village: Village) -> list[Entry]:
    return village_catalogue(village).entries


def _district_entries(meta: Meta, covs: dict, when: dict[int, datetime]) -> list[Entry]:
    entries = []
    texts = _texts("district")
    path = reverse("opendata_district:index", urlconf=settings.ROOT_URLCONF)
    base = f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}{path}"
    org = _Org(
        DISTRICT_ORG,
        settings.DISTRICT_NAME,
        settings.DISTRICT_REGION_CODE,
        settings.DISTRICT_NAME,
        base,
    )
    for ds in registered("district"):
        cov = covs[ds.coverage]
        if not cov:
            continue
        modified = max(c.modified or when[pk] for pk, c in cov.items())
        starts = [c.start for c in cov.values() if c.start]
        ends = [c.end for c in cov.values() if c.end]
        summary = Coverage(modified, min(starts, default=None), max(ends, default=None))
        entries.append(_entry(ds, texts[ds], summary, modified, meta, org))
    return entries


def district_catalogue() -> Catalogue:
    """The district's own datasets first, then every live village's."""
    key = f"balai:opendata:d:{district_version()}:{get_language()}"
    found = cache.get(key)
    if found is None:
        found = district_catalogue_build()
        cache.set(key, found, CACHE_SECONDS)
    return found


def district_catalogue_build() -> Catalogue:
    with paused_gc():
        meta = _meta()
        villages = list(
            _live()
            .select_related("region")
            .only("slug", "status", "region__name", "region__type")
            .prefetch_related("domains")
            .order_by("region__name")
        )
        covs = _coverages(_live(), registered("village") + registered("district"))
        when = _changed_at([v.pk for v in villages])
        entries = _district_entries(meta, covs, when)
        texts = _texts("village")
        orgs = [_Org.of(v) for v in villages]
        for village, org in zip(villages, orgs, strict=True):
            entries += [
                _entry(ds, texts[ds], covs[ds.coverage][village.pk], when[village.pk], meta, org)
                for ds in texts
                if village.pk in covs[ds.coverage]
            ]
        return Catalogue(
            settings.DISTRICT_NAME,
            DISTRICT_ORG,
            settings.DISTRICT_REGION_CODE,
            settings.DISTRICT_NAME,
            district_base(),
            meta,
            entries,
            [(DISTRICT_ORG, settings.DISTRICT_NAME, settings.DISTRICT_REGION_CODE)]
            + [(o.slug, o.title, o.code) for o in orgs],
        )


def organisations() -> list[dict[str, Any]]:
    """The CKAN organizations: the district, then every live village (by name), with the
    number of datasets each publishes."""
    cat = district_catalogue()
    counts: dict[str, int] = {}
    for e in cat.entries:
        counts[e.org] = counts.get(e.org, 0) + 1
    return [
        {"name": slug, "title": title, "region_code": code, "package_count": counts.get(slug, 0)}
        for slug, title, code in cat.orgs
    ]
