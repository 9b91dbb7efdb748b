"""HTTP caching an edge can use (lib/cache_control.py, villages/cache.py, villages/middleware.py).

Anonymous public pages are `public` with a strong ETag and Last-Modified and answer a matching
conditional request with a 304; everything personal is `private, no-store`; a page served from
the cache costs no SQL query, whichever cache backend the install uses.
"""

from __future__ import annotations

import re
import uuid
from collections import deque
from typing import Any

import pytest
from django.core.cache import cache, caches
from django.test import Client, override_settings
from django.urls import Resolver404, resolve
from django.utils.http import http_date, parse_http_date

from balai.conftest import BOJONGSARI, make_village
from balai.lib.cache_control import NO_STORE
from balai.news.tests.conftest import publish
from balai.villages.cache import village_version
from balai.villages.models import Village, VillageDomain

HOME = "/desa/dagan/"
PUBLIC = "public, max-age=0, s-maxage=60, stale-while-revalidate=300"


def assert_public(response: Any, url: str) -> None:
    assert response["Cache-Control"] == PUBLIC, f"{url}: {response.get('Cache-Control')!r}"
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"]), url
    assert parse_http_date(response["Last-Modified"]), url
    vary = {v.strip().lower() for v in response["Vary"].split(",")}
    assert {"host", "cookie", "hx-request"} <= vary, f"{url}: {response['Vary']!r}"
    assert not response.cookies, url


def assert_private(response: Any, url: str) -> None:
    header = response.get("Cache-Control", "")
    assert "private" in header and "no-store" in header, f"{url}: {header!r}"
    assert "ETag" not in response and "Last-Modified" not in response, url


# ---------------------------------------------------------------------------------------------
# Headers and conditional requests


def test_an_anonymous_village_home_is_public_with_validators(client, dagan):
    response = client.get(HOME)
    assert response.status_code == 200
    assert_public(response, HOME)
    token, changed = village_version(dagan.pk)
    assert response["Last-Modified"] == http_date(changed)


@override_settings(PUBLIC_MAX_AGE=30, PUBLIC_STALE_WHILE_REVALIDATE=120)
def test_the_lifetimes_come_from_the_settings(client, dagan):
    header = client.get(HOME)["Cache-Control"]
    assert header == "public, max-age=0, s-maxage=30, stale-while-revalidate=120"


def test_a_matching_etag_gets_a_304_without_rendering_or_sql(
    client, dagan, django_assert_num_queries
):
    first = client.get(HOME)
    with django_assert_num_queries(0):
        again = client.get(HOME, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == PUBLIC
    assert client.get(HOME, headers={"If-None-Match": '"other"'}).status_code == 200
    weak = client.get(HOME, headers={"If-None-Match": f'"x", W/{first["ETag"]}'})
    assert weak.status_code == 304


def test_if_modified_since_gets_a_304_until_something_is_published(client, dagan):
    first = client.get(HOME)
    since = {"If-Modified-Since": first["Last-Modified"]}
    assert client.get(HOME, headers=since).status_code == 304
    publish(dagan, title="Kerja bakti")
    assert client.get(HOME, headers=since).status_code == 200


def test_publishing_a_story_changes_the_etag_of_the_village_only(client, dagan, bojongsari):
    home = client.get(HOME)
    other = client.get("/desa/bojongsari/")
    publish(dagan, title="Panen raya di Dagan")
    stale = client.get(HOME, headers={"If-None-Match": home["ETag"]})
    assert stale.status_code == 200 and "Panen raya di Dagan" in stale.content.decode()
    assert stale["ETag"] != home["ETag"]
    unchanged = client.get("/desa/bojongsari/", headers={"If-None-Match": other["ETag"]})
    assert unchanged.status_code == 304


def test_pages_languages_and_htmx_requests_have_their_own_etags(client, dagan):
    etags = {
        client.get(HOME)["ETag"],
        client.get(HOME + "berita/")["ETag"],
        client.get(HOME, headers={"HX-Request": "true"})["ETag"],
    }
    client.cookies["django_language"] = "en"
    etags.add(client.get(HOME)["ETag"])
    assert len(etags) == 4


def test_a_district_page_changes_etag_when_any_village_publishes(client, dagan):
    first = client.get("/berita/")
    assert_public(first, "/berita/")
    publish(dagan, title="Lomba desa")
    assert client.get("/berita/", headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_a_signed_in_visitor_gets_a_private_page_and_no_304(login, alice, dagan):
    client = login(alice)
    anonymous = Client().get(HOME)
    response = client.get(HOME, headers={"If-None-Match": anonymous["ETag"]})
    assert response.status_code == 200
    assert_private(response, HOME)


def test_a_page_with_a_csrf_token_is_private(client, dagan):
    response = client.get("/masuk/")
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert_private(response, "/masuk/")


def test_a_response_that_sets_a_cookie_is_private(client, dagan):
    response = client.get("/bahasa/en/?next=/desa/dagan/")
    assert response.cookies
    assert response["Cache-Control"] == NO_STORE


def test_other_anonymous_pages_must_be_revalidated(client, dagan):
    for url in ("/desa/dagan/berita/cari/?q=batik", "/desa/dagan/tidak-ada/"):
        response = client.get(url)
        assert response["Cache-Control"] == "no-cache", url
        assert "ETag" not in response


# ---------------------------------------------------------------------------------------------
# Every public page class, found by walking the links of a site with one row of everything


SKIP = ("/static/", "/media/", "/dasbor/", "/keluar/")


def _links(html: str) -> list[str]:
    return [
        href.replace("&amp;", "&")
        for href in re.findall(r'href="(/[^"#]*)"', html)
        if not href.startswith("//") and not href.startswith(SKIP)
    ]


def crawl(client: Client, start: list[str], limit: int = 400) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    queue = deque(start)
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        seen[url] = response = client.get(url)
        kind = response.get("Content-Type", "")
        if response.status_code == 200 and kind.startswith("text/html"):
            queue.extend(u for u in _links(response.content.decode()) if u not in seen)
    return seen


def _is_public_view(url: str) -> bool:
    try:
        return getattr(resolve(url.split("?", 1)[0]).func, "public_page", False)
    except Resolver404:
        return False


@pytest.fixture
def site(db):
    from balai.population import figures as population_figures
    from balai.tests.isolation_world import APP_ROWS
    from balai.welfare import figures as welfare_figures

    rows: dict[str, Any] = {}
    for builder in APP_ROWS:
        builder(rows)
    population_figures.figures_recompute(village=rows["dagan"])
    welfare_figures.figures_recompute(village=rows["dagan"])
    return rows


# The public page classes the walk must reach (a 200 with public headers).
MUST_REACH = {
    "portal:home",
    "portal:directory",
    "site:home",
    "site:news_index",
    "site:news_article",
    "site:population_index",
    "site:welfare_index",
    "site:budget_index",
    "site:disclosure_index",
    "site:disclosure_dip",
    "site:market_index",
    "site:market_product",
    "news_district:index",
    "population_district:index",
    "budget_district:overview",
    "disclosure_district:compliance",
    "market_district:index",
}


def test_every_public_page_is_cacheable_for_anonymous_and_private_for_members(site):
    anonymous = Client()
    # Sections whose menu entry waits for enough figures are reached by their address.
    extra = ["ppid/dip/2026/"]
    pages = crawl(anonymous, ["/", HOME] + [HOME + path for path in extra])
    reached = set()
    for url, response in pages.items():
        if _is_public_view(url) and response.status_code == 200:
            assert_public(response, url)
            reached.add(resolve(url.split("?", 1)[0]).view_name)
        else:  # only a versioned address (the theme CSS) may be public besides
            header = response.get("Cache-Control", "")
            assert "public" not in header or "immutable" in header, url
    assert MUST_REACH <= reached, MUST_REACH - reached
    member = Client()
    member.force_login(site["alice"])
    for url in pages:
        response = member.get(url)
        if response.status_code < 300 and "immutable" not in response.get("Cache-Control", ""):
            assert_private(response, url)


# ---------------------------------------------------------------------------------------------
# The host → village map and zero queries on a cached hit


def _zero_queries_on_a_cached_hit(django_assert_num_queries: Any) -> None:
    client = Client()
    for url, host in ((HOME, "testserver"), ("/", "dagan.desa.id")):
        first = client.get(url, headers={"Host": host})
        assert first.status_code == 200 and "Desa batik tulis" in first.content.decode()
        with django_assert_num_queries(0):
            second = client.get(url, headers={"Host": host})
        assert second.content == first.content
    # A publish (through the shared cache) is seen at once, and the hit is free again after.
    publish(Village.objects.get(slug="dagan"), title="Jembatan baru")
    assert "Jembatan baru" in client.get(HOME).content.decode()
    with django_assert_num_queries(0):
        client.get(HOME)


@pytest.fixture
def dagan_domain(dagan):
    VillageDomain.objects.create(village=dagan, domain="dagan.desa.id")
    return dagan


def test_a_cached_hit_costs_no_query(dagan_domain, django_assert_num_queries):
    _zero_queries_on_a_cached_hit(django_assert_num_queries)


def test_a_cached_hit_costs_no_query_with_the_default_file_cache(
    dagan_domain, django_assert_num_queries, tmp_path
):
    from balai.settings import CACHES as DEFAULT

    assert DEFAULT["default"]["BACKEND"] == "balai.lib.filecache.FileCache"  # without REDIS_URL
    location = {**DEFAULT["default"], "LOCATION": str(tmp_path / "cache")}
    with override_settings(CACHES={"default": location}):
        _zero_queries_on_a_cached_hit(django_assert_num_queries)


def _redis_or_skip() -> dict[str, Any]:
    settings = {
        "BACKEND": "balai.lib.rediscache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/2",
        "KEY_PREFIX": f"balai-test-{uuid.uuid4().hex[:8]}",
    }
    try:
        import redis

        redis.Redis.from_url(settings["LOCATION"], socket_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure to reach it means: no Redis here
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    return settings


def test_a_cached_hit_costs_no_query_with_redis(dagan_domain, django_assert_num_queries):
    with override_settings(CACHES={"default": _redis_or_skip()}):
        try:
            _zero_queries_on_a_cached_hit(django_assert_num_queries)
        finally:
            cache.clear()


def test_a_publish_from_another_process_reaches_this_one(dagan, tmp_path):
    """The worker publishes through its own connection to the shared cache (here a second
    backend instance on the same folder): nothing per-process keeps the old page alive."""
    location = {"BACKEND": "balai.lib.filecache.FileCache", "LOCATION": str(tmp_path / "cache")}
    with override_settings(CACHES={"default": location}):
        client = Client()
        first = client.get(HOME)
        worker_cache = caches.create_connection("default")
        assert worker_cache is not caches["default"]
        Village.objects.filter(pk=dagan.pk).update(tagline="Tagline dari worker")
        worker_cache.set(f"balai:village-version:{dagan.pk}", ("dari-worker", 2_000_000_000))
        second = client.get(HOME, headers={"If-None-Match": first["ETag"]})
        assert second.status_code == 200
        assert "Tagline dari worker" in second.content.decode()


def test_a_new_domain_is_routed_after_the_cached_404(client, dagan):
    assert client.get("/", headers={"Host": "dagan.desa.id"}).status_code == 404
    VillageDomain.objects.create(village=dagan, domain="dagan.desa.id")
    assert client.get("/", headers={"Host": "dagan.desa.id"}).status_code == 200


def test_a_removed_domain_stops_serving_the_village(client, dagan_domain):
    assert client.get("/", headers={"Host": "dagan.desa.id"}).status_code == 200
    VillageDomain.objects.filter(domain="dagan.desa.id").get().delete()
    assert client.get("/", headers={"Host": "dagan.desa.id"}).status_code == 404


def test_a_suspended_village_is_suspended_at_once_for_cached_visitors(client, dagan, dina):
    from balai.portal.services import village_status_set

    assert client.get(HOME).status_code == 200
    village_status_set(village=dagan, status=Village.Status.SUSPENDED, reason="Uji", actor=dina)
    assert client.get(HOME).status_code == 503


def test_a_changed_slug_moves_the_site_at_once(client, dagan):
    assert client.get(HOME).status_code == 200
    dagan.slug = "dagan-baru"
    dagan.save()
    assert client.get(HOME).status_code == 404
    assert client.get("/desa/dagan-baru/").status_code == 200


def test_a_new_village_is_found_after_its_slug_was_cached_as_unknown(client, db):
    assert client.get("/desa/bojongsari/").status_code == 404
    make_village(BOJONGSARI, "bojongsari")
    assert client.get("/desa/bojongsari/").status_code == 200


def test_a_cached_view_that_puts_a_csrf_token_in_its_page_is_never_shared(rf, db):
    """Should a cached public view ever render a form with a token, the page stays personal:
    not stored in the page cache, `private, no-store` for edges."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from balai.lib.cache_control import NoStoreMiddleware
    from balai.villages.cache import cache_public_page

    renders = []

    @cache_public_page
    def form_page(request):
        renders.append(1)
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    def serve():
        request = rf.get("/formulir/")
        request.user, request.village = AnonymousUser(), None
        return NoStoreMiddleware(form_page)(request)

    first, second = serve(), serve()
    assert len(renders) == 2  # rendered for each visitor, never from the cache
    for response in (first, second):
        assert response["Cache-Control"] == NO_STORE
        assert "ETag" not in response


def test_routes_are_forgotten_at_once_and_again_after_commit(
    dagan, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from balai.villages.cache import ROUTES_VERSION_KEY, with_version

    def routes() -> str:
        return with_version(ROUTES_VERSION_KEY, "unused")[0][0]

    start = routes()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        VillageDomain.objects.create(village=dagan, domain="dagan.desa.id")
        during = routes()
        assert during != start
    assert routes() not in (start, during)
