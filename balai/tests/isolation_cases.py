"""The tenant-isolation harness's tables (tests/test_tenant_isolation.py).

The harness walks every dashboard URL pattern of the district host. A village-dashboard pattern
(`dasbor/<slug>/…`) that takes parameters besides the slug needs a *case*: which of Dagan's rows
fills each parameter; tests/isolation_world.py builds one row of every kind in Dagan (and the
few rows of Bojongsari and of the district the cases also need), once per test module.

To add a case for a new URL: add a line to VILLAGE_CASES (or DISTRICT_CASES) naming, for each
parameter, the key of a row of the world — `Row("article")` for its pk, `Row("order", "code")`
for another field — and build the row in isolation_world.py if it is of a new kind. A parameter
that names no row of Dagan's (a file format, a template's kind, a year) is `Fixed(value)`; a row
every village may use (a district event) is `Shared(key)`.

The role tables say who inside Dagan is refused a page, and who is let in; POST_DATA is what
the harness posts, valid enough for every form that a leak would write something.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

# ---------------------------------------------------------------------------------------------
# Parameters


@dataclass(frozen=True)
class Row:
    """One of Dagan's rows (its key in the world's rows); `attr` picks the value, the pk by
    default. Under charlie's own slug the same row is used, unless `charlies` names a row of
    Bojongsari's to put there instead (so that only the *other* parameter is Dagan's)."""

    key: str
    attr: str = "pk"
    charlies: str | None = None

    dagans = True

    def fill(self, rows: dict[str, Any], *, own_slug: bool = False) -> Any:
        key = self.charlies if own_slug and self.charlies else self.key
        return getattr(rows[key], self.attr)


@dataclass(frozen=True)
class Shared(Row):
    """A district row every village may use (an RTIK event): not Dagan's, so a pattern whose
    only rows are shared is charlie's to use under his own slug."""

    dagans = False


@dataclass(frozen=True)
class Fixed:
    """A value that names no row: a file format, a template's kind, a budget year (each village
    has its own year 2025)."""

    value: str | int
    dagans = False

    def fill(self, rows: dict[str, Any], *, own_slug: bool = False) -> Any:
        return self.value


Param = Row | Fixed

OFFICIAL, PAGE = Row("official"), Row("page")
MEMBERSHIP, INVITATION = Row("bob_membership"), Row("invitation")
ARTICLE, SUBMISSION, COMMENT = Row("article"), Row("submission"), Row("comment")
NEWS_EVENT, ALBUM, IMAGE = Row("news_event"), Row("album"), Row("image")
RESIDENT, FAMILY, POPULATION_IMPORT = Row("resident"), Row("family"), Row("population_import")
PROGRAMME, WELFARE_OBJECTION = Row("programme"), Row("welfare_objection")
WELFARE_IMPORT = Row("welfare_import")
YEAR = Fixed(2025)
PROJECT, LINE, BUDGET_IMPORT = Row("project"), Row("budget_line"), Row("budget_import")
INFO_REQUEST, PPID_OBJECTION = Row("info_request"), Row("ppid_objection")
DIP_ITEM, NOTICE = Row("dip_item"), Row("notice")
SELLER, PRODUCT, REVIEW, ORDER = Row("seller"), Row("product"), Row("review"), Row("order", "code")
HELP, EXPORT = Row("help_request"), Row("export")
INSTITUTION = Row("institution")
INSTITUTION_MEMBER = {
    "pk": Row("institution", charlies="bojongsari_institution"),
    "member_pk": Row("institution_member"),
}
SERVICE_REQUEST = Row("service_request")
COMPLAINT = Row("complaint")
LETTER = Row("letter")

# Every village-dashboard URL name that takes parameters besides the slug → what fills them.
VILLAGE_CASES: dict[str, dict[str, Param]] = {
    "dashboard:official_edit": {"pk": OFFICIAL},
    "dashboard:official_delete": {"pk": OFFICIAL},
    "dashboard:official_move": {"pk": OFFICIAL},
    "dashboard:page_edit": {"pk": PAGE},
    "dashboard:page_delete": {"pk": PAGE},
    "members:revoke": {"pk": INVITATION},
    "members:edit": {"pk": MEMBERSHIP},
    "members:remove": {"pk": MEMBERSHIP},
    "news_dashboard:edit": {"pk": ARTICLE},
    "news_dashboard:publish": {"pk": ARTICLE},
    "news_dashboard:preview": {"pk": ARTICLE},
    "news_dashboard:status": {"pk": ARTICLE},
    "news_dashboard:delete": {"pk": ARTICLE},
    "news_dashboard:revisions": {"pk": ARTICLE},
    "news_dashboard:restore": {
        "pk": Row("article", charlies="bojongsari_article"),
        "rev": Row("revision"),
    },
    "news_dashboard:image_status": {"pk": IMAGE},
    "news_dashboard:submission": {"pk": SUBMISSION},
    "news_dashboard:submission_decline": {"pk": SUBMISSION},
    "news_dashboard:comment_moderate": {"pk": COMMENT},
    "news_dashboard:event_edit": {"pk": NEWS_EVENT},
    "news_dashboard:event_delete": {"pk": NEWS_EVENT},
    "news_dashboard:album": {"pk": ALBUM},
    "news_dashboard:album_delete": {"pk": ALBUM},
    "population_dashboard:resident": {"pk": RESIDENT},
    "population_dashboard:resident_edit": {"pk": RESIDENT},
    "population_dashboard:event_add": {"pk": RESIDENT},
    "population_dashboard:family": {"pk": FAMILY},
    "population_dashboard:family_split": {"pk": FAMILY},
    "population_dashboard:family_head": {"pk": FAMILY},
    "moving_dashboard:archive": {"pk": Row("move")},
    "moving_dashboard:import": {"pk": Row("moving_import")},
    "moving_dashboard:import_confirm": {"pk": Row("moving_import")},
    "moving_dashboard:import_report": {"pk": Row("moving_import")},
    "moving_dashboard:import_marked": {"pk": Row("moving_import")},
    "moving_dashboard:import_held": {"pk": Row("moving_import")},
    "moving_dashboard:import_partial": {"pk": Row("moving_import")},
    "population_dashboard:import": {"pk": POPULATION_IMPORT},
    "population_dashboard:import_confirm": {"pk": POPULATION_IMPORT},
    "population_dashboard:import_report": {"pk": POPULATION_IMPORT},
    "population_dashboard:import_marked": {"pk": POPULATION_IMPORT},
    "population_dashboard:import_held": {"pk": POPULATION_IMPORT},
    "population_dashboard:import_partial": {"pk": POPULATION_IMPORT},
    "welfare_dashboard:programme_edit": {"pk": PROGRAMME},
    "welfare_dashboard:recipients": {"pk": PROGRAMME},
    "welfare_dashboard:recipient_status": {
        "pk": Row("programme", charlies="bojongsari_programme"),
        "rid": Row("recipient"),
    },
    "welfare_dashboard:publish": {"pk": PROGRAMME},
    "welfare_dashboard:export": {"pk": PROGRAMME},
    "welfare_dashboard:objection_done": {"pk": WELFARE_OBJECTION},
    "welfare_dashboard:import": {"pk": WELFARE_IMPORT},
    "welfare_dashboard:import_confirm": {"pk": WELFARE_IMPORT},
    "welfare_dashboard:import_report": {"pk": WELFARE_IMPORT},
    "welfare_dashboard:import_marked": {"pk": WELFARE_IMPORT},
    "welfare_dashboard:import_held": {"pk": WELFARE_IMPORT},
    "welfare_dashboard:import_partial": {"pk": WELFARE_IMPORT},
    "welfare_dashboard:template": {"target": Fixed("penerima")},
    "budget_dashboard:year": {"year": YEAR},
    "budget_dashboard:line_add": {"year": YEAR},
    "budget_dashboard:line_edit": {"year": YEAR, "pk": LINE},
    "budget_dashboard:line_delete": {"year": YEAR, "pk": LINE},
    "budget_dashboard:realisation_add": {"year": YEAR, "pk": LINE},
    "budget_dashboard:approve": {"year": YEAR},
    "budget_dashboard:poster": {"year": YEAR},
    "budget_dashboard:report": {"year": YEAR},
    "budget_dashboard:import_start": {"year": YEAR},
    "budget_dashboard:import": {"pk": BUDGET_IMPORT},
    "budget_dashboard:import_confirm": {"pk": BUDGET_IMPORT},
    "budget_dashboard:import_report": {"pk": BUDGET_IMPORT},
    "budget_dashboard:import_marked": {"pk": BUDGET_IMPORT},
    "budget_dashboard:import_held": {"pk": BUDGET_IMPORT},
    "budget_dashboard:import_partial": {"pk": BUDGET_IMPORT},
    "budget_dashboard:project_edit": {"pk": PROJECT},
    "budget_dashboard:project_delete": {"pk": PROJECT},
    "budget_dashboard:report_add": {"pk": PROJECT},
    "disclosure_dashboard:request": {"pk": INFO_REQUEST},
    "disclosure_dashboard:request_extend": {"pk": INFO_REQUEST},
    "disclosure_dashboard:request_decide": {"pk": INFO_REQUEST},
    "disclosure_dashboard:request_file": {"pk": INFO_REQUEST},
    "disclosure_dashboard:objection": {"pk": PPID_OBJECTION},
    "disclosure_dashboard:dip_edit": {"pk": DIP_ITEM},
    "disclosure_dashboard:dip_delete": {"pk": DIP_ITEM},
    "disclosure_dashboard:notice_end": {"pk": NOTICE},
    "disclosure_dashboard:register": {"kind": Fixed("permohonan"), "fmt": Fixed("xlsx")},
    "market_dashboard:seller_edit": {"pk": SELLER},
    "market_dashboard:seller_status": {"pk": SELLER},
    "market_dashboard:seller_login": {"pk": SELLER},
    "market_dashboard:product_status": {"pk": PRODUCT},
    "market_dashboard:review_status": {"pk": REVIEW},
    "market_dashboard:product_edit": {"pk": PRODUCT},
    "market_dashboard:photo_delete": {
        "pk": Row("product", charlies="bojongsari_product"),
        "photo_pk": Row("photo"),
    },
    "market_dashboard:photo_alt": {
        "pk": Row("product", charlies="bojongsari_product"),
        "photo_pk": Row("photo"),
    },
    "market_dashboard:product_card": {"pk": PRODUCT},
    "market_dashboard:order": {"code": ORDER},
    "market_dashboard:order_step": {"code": ORDER},
    "market_dashboard:order_proof": {"code": ORDER},
    "mentoring_dashboard:help_detail": {"pk": HELP},
    "mentoring_dashboard:help_resolve": {"pk": HELP},
    "mentoring_dashboard:help_attachment": {
        "pk": Row("help_request", charlies="bojongsari_help_request"),
        "attachment_id": Row("attachment"),
    },
    "mentoring_dashboard:event_register": {"pk": Shared("rtik_event")},
    "backups_dashboard:backup_download": {"pk": EXPORT},
    "institutions_dashboard:detail": {"pk": INSTITUTION},
    "institutions_dashboard:edit": {"pk": INSTITUTION},
    "institutions_dashboard:delete": {"pk": INSTITUTION},
    "institutions_dashboard:activities": {"pk": INSTITUTION},
    "institutions_dashboard:member_add": {"pk": INSTITUTION},
    "institutions_dashboard:member_edit": INSTITUTION_MEMBER,
    "institutions_dashboard:member_delete": INSTITUTION_MEMBER,
    "institutions_dashboard:member_move": INSTITUTION_MEMBER,
    "maps_dashboard:area_delete": {"pk": Row("map_area")},
    "maps_dashboard:place_edit": {"pk": Row("map_place")},
    "maps_dashboard:place_delete": {"pk": Row("map_place")},
    "maps_dashboard:potential_edit": {"pk": Row("map_potential")},
    "maps_dashboard:potential_delete": {"pk": Row("map_potential")},
    "services_dashboard:request": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_search": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_match": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_ask": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_ready": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_collected": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_handover": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_reopen": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_reject": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_letter": {"pk": SERVICE_REQUEST},
    "services_dashboard:request_file": {
        "pk": Row("service_request", charlies="bojongsari_service_request"),
        "file_id": Row("service_request_file"),
    },
    "services_dashboard:service_edit": {"pk": Row("service")},
    "services_dashboard:service_delete": {"pk": Row("service")},
    "legal_dashboard:edit": {"pk": Row("legal_act")},
    "legal_dashboard:delete": {"pk": Row("legal_act")},
    "complaints_dashboard:detail": {"pk": COMPLAINT},
    "complaints_dashboard:status": {"pk": COMPLAINT},
    "complaints_dashboard:note": {"pk": COMPLAINT},
    "complaints_dashboard:answer": {"pk": COMPLAINT},
    "complaints_dashboard:release": {"pk": COMPLAINT},
    "complaints_dashboard:photo": {"pk": COMPLAINT},
    "letters_dashboard:choose": {"resident": RESIDENT},
    "letters_dashboard:issue": {"resident": RESIDENT, "key": Fixed("skck")},
    "letters_dashboard:letter": {"pk": LETTER},
    "letters_dashboard:pdf": {"pk": LETTER},
    "letters_dashboard:revoke": {"pk": LETTER},
    "letters_dashboard:register": {"fmt": Fixed("xlsx")},
    "letters_dashboard:template": {"key": Fixed("skck")},
    "letters_dashboard:template_district": {"key": Fixed("skck")},
}

DAGAN_SLUG = Row("dagan", "slug")
APPLICATION = Row("application")

# Every district-dashboard URL name with parameters → what fills them (real rows, so that a 404
# says "not for you", not "no such row").
DISTRICT_CASES: dict[str, dict[str, Param]] = {
    "review:detail": {"pk": APPLICATION},
    "review:letter": {"pk": APPLICATION},
    "review:approve": {"pk": APPLICATION},
    "review:revision": {"pk": APPLICATION},
    "review:reject": {"pk": APPLICATION},
    "review:approved": {"pk": APPLICATION},
    "district:village": {"slug": DAGAN_SLUG},
    "district:village_status": {"slug": DAGAN_SLUG},
    "district:mentor_add": {"slug": DAGAN_SLUG},
    "district:mentor_remove": {"slug": DAGAN_SLUG, "user_id": Row("maya")},
    "district:domain_add": {"slug": DAGAN_SLUG},
    "district:domain_remove": {"slug": DAGAN_SLUG, "pk": Row("domain")},
    "district:district_admin": {"user_id": Row("alice")},
    "district:viewer_remove": {"pk": Row("kiki_viewer")},
    "disclosure_district_dashboard:holiday_delete": {"pk": Row("holiday")},
    "mentoring_district_dashboard:guide": {"guide_slug": Row("guide", "slug")},
    "mentoring_district_dashboard:guide_edit": {"guide_slug": Row("guide", "slug")},
    "mentoring_district_dashboard:event": {"pk": Row("rtik_event")},
    "mentoring_district_dashboard:event_edit": {"pk": Row("rtik_event")},
    "watch_district_dashboard:alert_handle": {"pk": Row("alert")},
    "maps_district_dashboard:load": {"pk": Row("boundary_load")},
    "services_district_dashboard:default_edit": {"pk": Row("default_service")},
    "complaints_district_dashboard:complaint": {"pk": COMPLAINT},
    "letters_district_dashboard:template": {"key": Fixed("skck")},
    "letters_district_dashboard:template_publish": {
        "key": Fixed("skck"),
        "pk": Row("template_version"),
    },
}

# District-dashboard pages any signed-in person may read by design (DESIGN: the how-to guides
# are written by the district for every village's people).
OPEN_TO_EVERY_SIGNED_IN_PERSON = {
    "mentoring_district_dashboard:guides",
    "mentoring_district_dashboard:guide",
}

# Dashboard patterns that are neither a village's nor the district's.
NEITHER = {"dashboard:home": "the list of one's own villages, which shows nobody else's"}

# ---------------------------------------------------------------------------------------------
# Roles inside a village (DESIGN, Roles; villages/permissions.py AREA_ROLES): editors see no
# personal data and do not run the village's profile, budget or shop; mentors see personal data
# only where the village grants it. URL name or namespace → who must get 404 there.
REFUSED: dict[str, tuple[str, ...]] = {
    "dashboard:profile": ("bob",),
    "dashboard:look": ("bob",),
    "dashboard:officials": ("bob",),
    "dashboard:official_add": ("bob",),
    "dashboard:official_edit": ("bob",),
    "dashboard:official_delete": ("bob",),
    "dashboard:official_move": ("bob",),
    "members": ("bob", "maya", "kiki"),
    "population_dashboard": ("bob", "maya"),
    "welfare_dashboard": ("bob", "maya"),
    "budget_dashboard": ("bob",),
    "disclosure_dashboard": ("bob", "maya"),
    "market_dashboard": ("bob", "bojongsari_seller"),
    "backups_dashboard": ("bob", "maya"),
    "moving_dashboard": ("bob", "maya"),
    "institutions_dashboard": ("bob",),
    "maps_dashboard": ("bob",),
    "services_dashboard": ("bob", "maya"),
    "legal_dashboard": ("bob",),
    "complaints_dashboard": ("maya", "kiki"),
    "complaints_dashboard:settings": ("bob", "maya", "kiki"),
    # Letters: admins and editors given "pelayanan" (bob has not been given it).
    "letters_dashboard": ("bob", "maya"),
}

# …and who must be let in (a page refused to everyone would pass the tables above).
OPENED: dict[str, tuple[str, ...]] = {
    "news_dashboard:list": ("alice", "bob", "maya"),
    "news_dashboard:add": ("alice", "bob", "maya"),
    "news_dashboard:submissions": ("alice", "bob", "maya"),
    "news_dashboard:comments": ("alice", "bob", "maya"),
    "news_dashboard:events": ("alice", "bob", "maya"),
    "news_dashboard:albums": ("alice", "bob", "maya"),
    "budget_dashboard:years": ("maya", "dina"),
    "budget_dashboard:year": ("maya", "dina"),
    "budget_dashboard:projects": ("maya", "dina"),
    "complaints_dashboard:index": ("alice", "bob", "dina"),
    "complaints_dashboard:detail": ("alice", "bob", "dina"),
}


def listed(table: dict[str, tuple[str, ...]], name: str) -> tuple[str, ...]:
    """Who a table names for URL `name`, by its full name or its namespace."""
    return table.get(name, ()) or table.get(name.split(":")[0], ())


# ---------------------------------------------------------------------------------------------
# What the harness posts: enough for every form to be valid, so that a leak would write something.

POST_DATA: dict[str, Any] = {
    "tagline": "Diretas",
    "primary_color": "#000000",
    "name": "Penyusup",
    "position": "Kepala Desa",
    "title": "Diretas",
    "body": "x",
    "arah": "naik",
    "email": "penyusup@contoh.id",
    "role": "admin",
    "status": "draft",
    "message": "Diretas",
    "topic": "other",
    "comments_open": "",
    "place": "x",
    "starts_at": "2026-01-01T08:00",
    "alt": "x",
    "source": "pusat",
    "unit": "family",
    "period_start": "2026-01-01",
    "end": "2026-03-31",
    "tayang": "1",
    "mentor_access": "on",
    "number": "3303090101100099",
    "year": "2030",
    "date": "2025-01-02",
    "amount": "5000",
    "account": "4.2.1.01",
    "original_amount": "1",
    "percentage": "90",
    "decision": "granted",
    "answer": "x",
}
# Where one form wants another value under the same name: by namespace, then by URL name.
POST_DATA_FOR: dict[str, dict[str, Any]] = {
    "population_dashboard": {"kind": "2"},
    "welfare_dashboard": {"kind": "pkh"},
    "welfare_dashboard:recipient_status": {"status": "ended", "status_reason": "Pindah"},
    "news_dashboard:comment_moderate": {"status": "approved"},
    "market_dashboard:seller_status": {"status": "suspended"},
    "market_dashboard:product_status": {"status": "hidden"},
    "market_dashboard:review_status": {"status": "approved"},
    "institutions_dashboard": {"kind": "lpm"},
    "services_dashboard:request_reject": {"reason": "Diretas"},
    "services_dashboard:request_search": {"q": "SUGENG"},
    "letters_dashboard": {
        "reason": "Diretas",
        "isian_keperluan": "Diretas",
        "terbitkan": "1",
        "number_pattern": "{urut}",
        "paper": "a4",
        "code": "300",
    },
}


@functools.cache
def upload_bytes(kind: str) -> bytes:
    from balai.budget.tests.conftest import csv_upload
    from balai.villages.tests.conftest import image_upload

    return (csv_upload() if kind == "csv" else image_upload()).read()


def post_data(name: str) -> dict[str, Any]:
    """The form posted to URL `name`, with fresh uploads (an upload can be read only once)."""
    extra = {**POST_DATA_FOR.get(name.split(":")[0], {}), **POST_DATA_FOR.get(name, {})}
    photo = upload_bytes("jpg")
    files = {
        "photo": SimpleUploadedFile("foto.jpg", photo, "image/jpeg"),
        "logo": SimpleUploadedFile("logo.jpg", photo, "image/jpeg"),
        "file": (
            SimpleUploadedFile("apbdes.csv", upload_bytes("csv"), "text/csv")
            if name.startswith("budget_")
            else SimpleUploadedFile("foto.jpg", photo, "image/jpeg")
        ),
    }
    return {**POST_DATA, **extra, **files}
