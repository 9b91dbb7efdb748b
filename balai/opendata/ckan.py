"""A read-only subset of CKAN's Action API (v3) over the district catalogue, at CKAN's own
paths on the portal host, so that a CKAN or Satu Data portal harvests Balai with its stock CKAN
harvester: `package_list`, `package_show`, `package_search`, `organization_list` (the district
and every live village are organizations), and `status_show`, which harvesters ask first.

Answers are CKAN's envelope: `{"help": …, "success": true, "result": …}`, or on bad input
`{"help": …, "success": false, "error": {"__type": "Validation Error", <field>: [messages]}}`
with status 409 (CKAN's), 404 with "Not Found Error" for an unknown package or action. A
parameter this subset does not implement is refused by name instead of being ignored."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _

from balai.opendata.catalogue import Catalogue, Entry, district_catalogue, organisations

MAX_ROWS = 1000  # CKAN's ckan.search.rows_max
DEFAULT_ROWS = 10
SORTS: dict[str, Callable[[Entry], Any]] = {
    "metadata_modified": lambda e: e.modified,
    "name": lambda e: e.name,
    "title_string": lambda e: e.title.lower(),
    "id": lambda e: e.id,  # the stock CKAN harvester pages with sort=id asc
}
# fq=metadata_modified:[<from> TO <until>] (either side `*`): what a harvester asks for the
# datasets changed since its last run.
MODIFIED = re.compile(r"^metadata_modified:\[(\S+) TO (\S+)\]$")


@dataclass
class ActionError(Exception):
    status: int
    error: dict[str, Any]


def validation(**fields: str) -> ActionError:
    return ActionError(409, {"__type": "Validation Error", **{k: [v] for k, v in fields.items()}})


def not_found(message: str) -> ActionError:
    return ActionError(404, {"__type": "Not Found Error", "message": message})


def _iso(entry: Entry) -> str:
    # CKAN writes naive UTC timestamps.
    return entry.modified.astimezone(UTC).replace(tzinfo=None).isoformat()


def _org(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.org,
        "name": entry.org,
        "title": entry.org_title,
        "type": "organization",
        "is_organization": True,
        "state": "active",
    }


def package(entry: Entry, cat: Catalogue) -> dict[str, Any]:
    """One dataset as CKAN's package dict."""
    modified = _iso(entry)
    resources = [
        ("csv", _("Data (CSV)"), entry.csv_url, "CSV", "text/csv"),
        ("kamus", _("Kamus data (CSV)"), entry.dictionary_url, "CSV", "text/csv"),
        ("json", _("Data (JSON)"), entry.json_url, "JSON", "application/json"),
    ]
    extras = {
        "spatial_text": entry.region_name,
        "kode_wilayah": entry.region_code,
        "frequency": entry.frequency,
        "theme": entry.theme,
        "temporal_start": entry.start.isoformat() if entry.start else "",
        "temporal_end": entry.end.isoformat() if entry.end else "",
    }
    return {
        "id": entry.id,
        "name": entry.name,
        "title": entry.title,
        "notes": entry.description,
        "url": entry.landing,
        "type": "dataset",
        "state": "active",
        "private": False,
        "license_id": cat.meta.licence,
        "license_title": cat.meta.licence_title,
        "license_url": cat.meta.licence_uri,
        "author": cat.meta.publisher,
        "maintainer": cat.meta.contact_name,
        "maintainer_email": cat.meta.contact_email or None,
        "metadata_created": modified,
        "metadata_modified": modified,
        "owner_org": entry.org,
        "organization": _org(entry),
        "tags": [{"name": k, "display_name": k, "state": "active"} for k in entry.keywords],
        "num_tags": len(entry.keywords),
        "groups": [],
        "extras": [{"key": k, "value": v} for k, v in extras.items() if v],
        "resources": [
            {
                "id": f"{entry.id}-{rid}",
                "package_id": entry.id,
                "name": name,
                "url": url,
                "format": fmt,
                "mimetype": mime,
                "last_modified": modified,
                "position": position,
                "state": "active",
            }
            for position, (rid, name, url, fmt, mime) in enumerate(resources)
        ],
        "num_resources": len(resources),
    }


def _only(params: QueryDict, allowed: set[str]) -> None:
    unknown = sorted(set(params) - allowed - {"callback", "_"})
    if unknown:
        message = _("Parameter tidak dikenal: %(names)s") % {"names": ", ".join(unknown)}
        raise validation(**dict.fromkeys(unknown, message))


def _int(params: QueryDict, name: str, default: int, high: int | None = None) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise validation(**{name: _("Harus bilangan bulat")}) from None
    if value < 0:
        raise validation(**{name: _("Harus 0 atau lebih")})
    if high is not None and value > high:
        raise validation(**{name: _("Paling banyak %(n)d") % {"n": high}})
    return value


def package_list(params: QueryDict) -> list[str]:
    _only(params, {"limit", "offset"})
    limit = _int(params, "limit", 0)
    offset = _int(params, "offset", 0)
    names = sorted(e.name for e in district_catalogue().entries)
    return names[offset : offset + limit] if limit else names[offset:]


def package_show(params: QueryDict) -> dict[str, Any]:
    _only(params, {"id", "name_or_id", "use_default_schema", "include_tracking"})
    wanted = params.get("id") or params.get("name_or_id")
    if not wanted:
        raise validation(id=_("Isi id atau nama dataset"))
    cat = district_catalogue()
    for entry in cat.entries:
        if wanted in (entry.name, entry.id):
            return package(entry, cat)
    raise not_found(_("Dataset tidak ditemukan"))


def _when(value: str) -> datetime | None:
    if value == "*":
        return None
    try:
        found = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise validation(fq=_("Tanggal tidak dikenal: %(v)s") % {"v": value}) from None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def _terms(fq: str) -> list[str]:
    """The fq's terms: split on spaces and AND, but a [A TO B] range stays one term."""
    fq = re.sub(r"\s+TO\s+", "\x00", fq.replace(" AND ", " "))
    return [t.replace("\x00", " TO ").lstrip("+") for t in fq.split()]


def _filter(entries: list[Entry], fq: str) -> list[Entry]:
    """fq: `organization:<slug>` and `metadata_modified:[A TO B]` terms (CKAN's Solr syntax,
    the filters a harvester uses), joined by spaces or AND; `+` before a term is allowed."""
    orgs: set[str] = set()
    for term in _terms(fq):
        modified = MODIFIED.match(term)
        if modified:
            since, until = _when(modified.group(1)), _when(modified.group(2))
            entries = [
                e
                for e in entries
                if (since is None or e.modified >= since) and (until is None or e.modified <= until)
            ]
            continue
        field_name, sep, value = term.partition(":")
        if not sep or field_name not in ("organization", "owner_org") or not value:
            message = _("Yang didukung: organization:<nama> dan metadata_modified:[A TO B]")
            raise validation(fq=message)
        orgs.add(value.strip('"'))
    if len(orgs) > 1:
        return []
    return [e for e in entries if e.org in orgs] if orgs else entries


def _search(entries: list[Entry], q: str) -> list[Entry]:
    q = q.strip()
    if q in ("", "*:*"):
        return entries
    words = [w.lower() for w in q.split()[:10]]

    def hit(e: Entry) -> bool:
        haystack = " ".join([e.name, e.title, e.description, e.org_title, *e.keywords]).lower()
        return all(w in haystack for w in words)

    return [e for e in entries if hit(e)]


def _sort(entries: list[Entry], sort: str) -> list[Entry]:
    if not sort or sort.replace(" ", "") in ("scoredesc,metadata_modifieddesc", "score desc"):
        sort = "metadata_modified desc"
    clauses = [c.split() for c in sort.split(",")]
    for clause in reversed(clauses):  # stable sorts, last key first
        if len(clause) != 2 or clause[0] not in SORTS or clause[1] not in ("asc", "desc"):
            raise validation(
                sort=_("Urutan yang didukung: %(keys)s, dengan asc atau desc")
                % {"keys": ", ".join(SORTS)}
            )
        entries = sorted(entries, key=SORTS[clause[0]], reverse=clause[1] == "desc")
    return entries


def package_search(params: QueryDict) -> dict[str, Any]:
    _only(params, {"q", "fq", "rows", "start", "sort", "include_private", "include_drafts"})
    rows = _int(params, "rows", DEFAULT_ROWS, MAX_ROWS)
    start = _int(params, "start", 0)
    cat = district_catalogue()
    found = _sort(
        _search(_filter(cat.entries, params.get("fq", "")), params.get("q", "")),
        params.get("sort", ""),
    )
    return {
        "count": len(found),
        "sort": params.get("sort") or "metadata_modified desc",
        "facets": {},
        "search_facets": {},
        "results": [package(e, cat) for e in found[start : start + rows]],
    }


ORG_SORTS = {"name", "title", "package_count"}


def _org_sort(orgs: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """CKAN's `sort` of organization_list: name, title or package_count, asc or desc. Without
    one: the district first, then the villages by name."""
    if not sort:
        return orgs
    clause = sort.split()
    if len(clause) != 2 or clause[0] not in ORG_SORTS or clause[1] not in ("asc", "desc"):
        keys = ", ".join(sorted(ORG_SORTS))
        raise validation(
            sort=_("Urutan yang didukung: %(keys)s, dengan asc atau desc") % {"keys": keys}
        )
    return sorted(orgs, key=lambda o: o[clause[0]], reverse=clause[1] == "desc")


def organization_list(params: QueryDict) -> list[Any]:
    _only(params, {"all_fields", "limit", "offset", "sort"})
    all_fields = params.get("all_fields", "false").lower() in ("true", "1")
    limit = _int(params, "limit", 0, MAX_ROWS)
    offset = _int(params, "offset", 0)
    orgs = _org_sort(organisations(), params.get("sort", ""))
    orgs = orgs[offset : offset + limit] if limit else orgs[offset:]
    if not all_fields:
        return [o["name"] for o in orgs]
    return [
        {
            "id": o["name"],
            "name": o["name"],
            "title": o["title"],
            "display_name": o["title"],
            "type": "organization",
            "is_organization": True,
            "state": "active",
            "package_count": o["package_count"],
            "description": _("Kode wilayah %(code)s") % {"code": o["region_code"]},
        }
        for o in orgs
    ]


def status_show(params: QueryDict) -> dict[str, Any]:
    _only(params, set())
    return {
        "ckan_version": "2.10.0",
        "site_title": f"Balai {settings.DISTRICT_NAME}",
        "site_url": f"{settings.SITE_SCHEME}://{settings.DISTRICT_DOMAIN}",
        "extensions": [],
        "locale_default": "id",
    }


ACTIONS: dict[str, Callable[[QueryDict], Any]] = {
    "package_list": package_list,
    "package_show": package_show,
    "package_search": package_search,
    "organization_list": organization_list,
    "status_show": status_show,
}
