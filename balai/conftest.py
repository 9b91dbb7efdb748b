"""The cast every test builds on (after healthchecks):

- alice is the admin of Desa Dagan; bob is an editor there;
- charlie is the admin of Desa Bojongsari and should have no access to Dagan's things;
- maya is an RTIK mentor assigned to Dagan; kiki watches Kecamatan Bobotsari, where Dagan lies;
- dina is a district admin (Dinkominfo).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from balai.accounts.models import KecamatanViewer, User
from balai.regions.services import regions_load_default
from balai.villages.models import Membership, Village

PASSWORD = "rahasia-desa-2026"
DAGAN = "33.03.09.2013"
BOJONGSARI = "33.03.14.2006"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        regions_load_default()


@pytest.fixture(autouse=True)
def _clear_cache():
    from balai.villages.cache import MEMO

    cache.clear()
    MEMO.clear()
    yield
    cache.clear()
    MEMO.clear()


def make_village(code: str, slug: str, status: str = Village.Status.LIVE, **fields) -> Village:
    return Village.objects.create(region_id=code, slug=slug, status=status, **fields)


def make_user(email: str, name: str, **fields) -> User:
    return User.objects.create_user(email, PASSWORD, name=name, **fields)


@pytest.fixture
def dagan(db) -> Village:
    return make_village(DAGAN, "dagan", tagline="Desa batik tulis")


@pytest.fixture
def bojongsari(db) -> Village:
    return make_village(BOJONGSARI, "bojongsari")


@pytest.fixture
def alice(dagan) -> User:
    user = make_user("alice@dagan.desa.id", "Alice Rahayu")
    Membership.objects.create(user=user, village=dagan, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def bob(dagan) -> User:
    user = make_user("bob@dagan.desa.id", "Bob Santoso")
    Membership.objects.create(user=user, village=dagan, role=Membership.Role.EDITOR)
    return user


@pytest.fixture
def charlie(bojongsari) -> User:
    user = make_user("charlie@bojongsari.desa.id", "Charlie Wibowo")
    Membership.objects.create(user=user, village=bojongsari, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def maya(dagan) -> User:
    user = make_user("maya@rtik.or.id", "Maya Lestari")
    Membership.objects.create(user=user, village=dagan, role=Membership.Role.MENTOR)
    return user


@pytest.fixture
def kiki(db) -> User:
    user = make_user("kiki@kec-bojongsari.go.id", "Kiki Pratama")
    KecamatanViewer.objects.create(user=user, kecamatan_id="33.03.09")
    return user


@pytest.fixture
def dina(db) -> User:
    return make_user("dina@purbalinggakab.go.id", "Dina Kominfo", is_district_admin=True)


@pytest.fixture
def login(client):
    """login(user) → the test client, logged in as that person."""

    def _login(user: User):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _regions_after_flush(request):
    """Transactional tests (the browser tests) empty every table afterwards; reload the
    region tree for them, since everything else takes it from the session set-up."""
    if "live_server" in request.fixturenames or "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from balai.regions.models import Region

        if not Region.objects.exists():
            regions_load_default()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test flushes every table when its fixtures are finalized. xdist hands
    out test files in any order, so an ordinary test may come next in this process: give it
    back what the session set up (the region tree) and what the migrations seeded (the budget's
    account tree, whose in-process index is rebuilt; the letter templates; the default
    services)."""
    result = yield
    marker = item.get_closest_marker("django_db")
    flushed = marker is not None and marker.kwargs.get("transaction", False)
    transactional = {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ()))
    # After the last test the session's database is gone too: nothing to give back.
    if nextitem is not None and (flushed or transactional):
        from pytest_django.plugin import blocking_manager_key

        from balai.budget import tree
        from balai.budget.models import Account
        from balai.regions.models import Region

        with item.config.stash[blocking_manager_key].unblock():
            if not Region.objects.exists():
                regions_load_default()
            if not Account.objects.exists():
                tree.accounts_load()
            tree.account_index_clear()
            # …and the district's letter templates and default services, seeded by migrations.
            from balai.letters.models import LetterType
            from balai.letters.seed import seed_templates
            from balai.services.catalogue import default_services_seed
            from balai.services.models import DefaultService

            if not LetterType.objects.exists():
                seed_templates()
            if not DefaultService.objects.exists():
                default_services_seed()
    return result


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the ORM calls the tests make
    # between browser steps are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser, live_server):
    """A browser tab the size of a cheap Android phone (360 px wide), on the live server."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, locale="id-ID"
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, locale="id-ID"
    )
    page = context.new_page()
    yield page
    context.close()
