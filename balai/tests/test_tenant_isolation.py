"""Tenancy, for every dashboard URL at once: the harness walks every URL pattern of the district
host, so a new dashboard URL is tried as soon as it exists — and one that takes a row it has no
case for fails until someone says which of Dagan's rows fills it (tests/isolation_cases.py;
the rows are built in tests/isolation_world.py).

For every village-dashboard URL, GET and POST: charlie, the admin of Bojongsari, gets 404 on
Dagan's slug (never 403, never a page or a redirect); an anonymous visitor is sent to log in;
Dagan's row ids under charlie's *own* slug give 404 (405 where a decorator refuses the method
before the view looks anything up); nothing in the database changes. Inside Dagan, the people
DESIGN keeps from a page get 404 there, and the ones it lets in are let in. For every
district-dashboard URL, village people and visitors get 404 or the login page (but for the
guides, which every signed-in person reads), and the district admin reaches every page.

Dagan's own admin opens every village-dashboard URL as its case fills it, and the district
admin every district one: a case that named the wrong kind of row would otherwise make every
404 here prove nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import get_resolver, resolve, reverse

from balai.tests.isolation_cases import (
    DISTRICT_CASES,
    NEITHER,
    OPEN_TO_EVERY_SIGNED_IN_PERSON,
    OPENED,
    REFUSED,
    VILLAGE_CASES,
    Param,
    listed,
    post_data,
)
from balai.tests.isolation_world import World, changes, dagan_world, snapshot
from balai.tests.routes import url_patterns

pytestmark = pytest.mark.django_db

VILLAGE_PREFIX = "dasbor/<slug:slug>/"
DISTRICT_PREFIXES = ("dasbor/kabupaten/", "dasbor/kecamatan/")
METHODS = ["get", "post"]


@dataclass(frozen=True)
class Pattern:
    name: str
    route: str
    params: tuple[str, ...]  # of a village dashboard: besides the village's slug

    def __str__(self) -> str:
        return self.name


def _walk() -> tuple[list[Pattern], list[Pattern], list[Pattern]]:
    """The dashboard patterns of the district host: the village's, the district's, others."""
    village, district, other = [], [], []
    for route, name, converters in url_patterns(get_resolver("balai.urls")):
        if not route.startswith("dasbor/"):
            continue
        if route.startswith(VILLAGE_PREFIX):
            village.append(Pattern(name, route, tuple(k for k in converters if k != "slug")))
        elif route.startswith(DISTRICT_PREFIXES):
            district.append(Pattern(name, route, tuple(converters)))
        else:
            other.append(Pattern(name, route, tuple(converters)))
    return village, district, other


VILLAGE, DISTRICT, OTHER = _walk()
WITH_DAGANS_ROWS = [
    p for p in VILLAGE if any(param.dagans for param in VILLAGE_CASES.get(p.name, {}).values())
]
ROLE_REFUSALS = [(p, who) for p in VILLAGE for who in listed(REFUSED, p.name)]
ROLE_OPENINGS = [(p, who) for p in VILLAGE for who in listed(OPENED, p.name)]
DISTRICT_OUTSIDERS = [
    (p, who)
    for p in DISTRICT
    for who in ("alice", "charlie", "anonymous")
    if who == "anonymous" or p.name not in OPEN_TO_EVERY_SIGNED_IN_PERSON
]


def _missing_case(pattern: Pattern, table: str) -> str:
    return (
        f"{pattern.name} ({pattern.route}) takes {', '.join(pattern.params)} but has no case. "
        f"Add a line to {table} in balai/tests/isolation_cases.py saying which row fills each "
        f'parameter, e.g. "{pattern.name}": {{"{pattern.params[0]}": Row("article")}}, and '
        "build the row in balai/tests/isolation_world.py if it is of a new kind."
    )


def village_url(pattern: Pattern, world: World, slug: str = "dagan") -> str:
    case: dict[str, Param] = VILLAGE_CASES.get(pattern.name, {})
    if set(case) != set(pattern.params):
        pytest.fail(_missing_case(pattern, "VILLAGE_CASES"))
    own = slug != "dagan"
    kwargs = {key: param.fill(world.rows, own_slug=own) for key, param in case.items()}
    return reverse(pattern.name, kwargs={"slug": slug, **kwargs})


def district_url(pattern: Pattern, world: World) -> str:
    case: dict[str, Param] = DISTRICT_CASES.get(pattern.name, {})
    if set(case) != set(pattern.params):
        pytest.fail(_missing_case(pattern, "DISTRICT_CASES"))
    return reverse(pattern.name, kwargs={k: p.fill(world.rows) for k, p in case.items()})


def refuses(path: str, method: str) -> bool:
    """Whether a method decorator on the view (require_POST and friends) refuses `method`:
    it answers 405 before the view body, where every row lookup is."""
    view: Callable[..., Any] | None = resolve(path).func
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = view.__closure__[code.co_freevars.index("request_method_list")]  # type: ignore[index]
            return method.upper() not in cell.cell_contents
        view = getattr(view, "__wrapped__", None)
    return False


def send(client: Client, method: str, path: str, name: str) -> HttpResponseBase:
    if method == "get":
        return client.get(path)
    return client.post(path, post_data(name))


def assert_nothing_changed(world: World, what: str) -> None:
    changed = changes(world.baseline, snapshot())
    assert not changed, f"{what} changed rows of {', '.join(changed)}"


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """Dagan's rows and everyone's client, made once for the module inside a transaction that
    is rolled back at its end; each test runs in a savepoint inside it (pytest-django's own
    per-test block), so what one test writes is gone for the next."""
    from balai.budget import tree

    with django_db_blocker.unblock():
        block = transaction.atomic()
        # Marked like a TestCase's class-wide block, so villages/content.py does not take it
        # for a request's transaction.
        block._from_testcase = True  # type: ignore[attr-defined]
        block.__enter__()
        try:
            yield dagan_world()
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
            tree.account_index_clear()


# --- the walk and its tables --------------------------------------------------------------------


def test_the_walk_finds_the_dashboards():
    assert len(VILLAGE) > 100 and len(DISTRICT) > 30
    assert {"news_dashboard:edit", "members:edit"} <= {p.name for p in VILLAGE}
    assert {"district:home", "district:kecamatan"} <= {p.name for p in DISTRICT}


def test_every_dashboard_pattern_is_a_village_or_a_district_one():
    assert {p.name for p in OTHER} == set(NEITHER), (
        "a dashboard URL outside /dasbor/<slug>/, /dasbor/kabupaten/ and /dasbor/kecamatan/: "
        "move it under one of them, or say in NEITHER (tests/isolation_cases.py) why it is neither"
    )


@pytest.mark.parametrize(
    ("patterns", "table"), [(VILLAGE, VILLAGE_CASES), (DISTRICT, DISTRICT_CASES)]
)
def test_every_dashboard_pattern_with_parameters_has_a_case(patterns, table):
    name = "VILLAGE_CASES" if table is VILLAGE_CASES else "DISTRICT_CASES"
    missing = [
        _missing_case(p, name) for p in patterns if set(table.get(p.name, {})) != set(p.params)
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("patterns", "table"), [(VILLAGE, VILLAGE_CASES), (DISTRICT, DISTRICT_CASES)]
)
def test_every_case_is_for_a_pattern_that_exists(patterns, table):
    stale = set(table) - {p.name for p in patterns if p.params}
    assert not stale, f"cases for URLs that no longer exist or take no row: {sorted(stale)}"


def test_the_role_tables_name_dashboard_urls_that_exist():
    names = {p.name for p in VILLAGE} | {p.name.split(":")[0] for p in VILLAGE}
    assert set(REFUSED) | set(OPENED) <= names
    assert OPEN_TO_EVERY_SIGNED_IN_PERSON <= {p.name for p in DISTRICT}


# --- village dashboards ---------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", VILLAGE, ids=str)
def test_dagans_own_admin_opens_every_url_as_its_case_fills_it(world, pattern):
    # Otherwise a case naming the wrong kind of row would make every 404 below prove nothing.
    # (A POST-only URL answers her GET with 405: its row is proven by the view's own tests.)
    path = village_url(pattern, world)
    expected = (405,) if refuses(path, "get") else (200, 302, 405)
    assert world.clients["alice"].get(path).status_code in expected, f"alice GET {path}"


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("pattern", VILLAGE, ids=str)
def test_another_villages_admin_gets_404_on_dagans_dashboard(world, pattern, method):
    client = world.clients["charlie"]
    path = village_url(pattern, world)
    response = send(client, method, path, pattern.name)
    assert response.status_code == 404, f"charlie {method.upper()} {path}"
    assert_nothing_changed(world, f"charlie's {method.upper()} {path}")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("pattern", VILLAGE, ids=str)
def test_an_anonymous_visitor_is_sent_to_log_in(world, pattern, method):
    client = world.clients["anonymous"]
    path = village_url(pattern, world)
    response = send(client, method, path, pattern.name)
    assert response.status_code == 302, f"anonymous {method.upper()} {path}"
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    assert_nothing_changed(world, f"an anonymous {method.upper()} {path}")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("pattern", WITH_DAGANS_ROWS, ids=str)
def test_dagans_rows_under_charlies_own_slug_give_404(world, pattern, method):
    # Charlie passes the role check on his own village: only the scoped lookup stops him.
    client = world.clients["charlie"]
    path = village_url(pattern, world, slug="bojongsari")
    expected = 405 if refuses(path, method) else 404
    response = send(client, method, path, pattern.name)
    assert response.status_code == expected, f"charlie {method.upper()} {path}"
    assert_nothing_changed(world, f"charlie's {method.upper()} {path}")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("pattern", "who"), ROLE_REFUSALS, ids=str)
def test_a_role_kept_from_a_page_gets_404(world, pattern, who, method):
    client = world.clients[who]
    path = village_url(pattern, world)
    response = send(client, method, path, pattern.name)
    # A method decorator below the role check may answer first: 405 shows nothing either.
    allowed = (404, 405) if refuses(path, method) else (404,)
    assert response.status_code in allowed, f"{who} {method.upper()} {path}"
    assert_nothing_changed(world, f"{who}'s {method.upper()} {path}")


@pytest.mark.parametrize(("pattern", "who"), ROLE_OPENINGS, ids=str)
def test_a_role_let_into_a_page_opens_it(world, pattern, who):
    client = world.clients[who]
    path = village_url(pattern, world)
    assert client.get(path).status_code == 200, f"{who} GET {path}"


def test_a_mentor_the_village_grants_reads_the_register_but_not_its_imports(world):
    from balai.population.models import PopulationSettings

    PopulationSettings.objects.create(village=world["dagan"], mentor_access=True)
    client = world.clients["maya"]
    by_name = {p.name: p for p in VILLAGE}
    for name, status in [
        ("population_dashboard:residents", 200),
        ("population_dashboard:resident", 200),
        ("population_dashboard:imports", 404),
    ]:
        assert client.get(village_url(by_name[name], world)).status_code == status, name


# --- district dashboards --------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("pattern", "who"), DISTRICT_OUTSIDERS, ids=str)
def test_village_people_and_visitors_are_kept_from_the_district_dashboard(
    world, pattern, who, method
):
    client = world.clients[who]
    path = district_url(pattern, world)
    response = send(client, method, path, pattern.name)
    if who == "anonymous":
        assert response.status_code == 302, f"anonymous {method.upper()} {path}"
        assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    else:
        assert response.status_code == 404, f"{who} {method.upper()} {path}"
    assert_nothing_changed(world, f"{who}'s {method.upper()} {path}")


@pytest.mark.parametrize("name", sorted(OPEN_TO_EVERY_SIGNED_IN_PERSON))
def test_the_guides_are_open_to_every_signed_in_person(world, name):
    pattern = next(p for p in DISTRICT if p.name == name)
    assert world.clients["charlie"].get(district_url(pattern, world)).status_code == 200


@pytest.mark.parametrize("pattern", DISTRICT, ids=str)
def test_the_district_admin_reaches_every_district_page(world, pattern):
    # Also tells that each district case names a real row of the right kind.
    path = district_url(pattern, world)
    expected = (405,) if refuses(path, "get") else (200, 302)
    assert world.clients["dina"].get(path).status_code in expected, f"dina GET {path}"
