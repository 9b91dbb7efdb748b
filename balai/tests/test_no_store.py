"""`Cache-Control: private, no-store` on every dashboard page and download, on every page a
signed-in person sees, and on the public pages that are personal; anonymous public pages stay
cacheable (lib/cache_control.py)."""

from __future__ import annotations

import pytest
from django.urls import get_resolver, reverse
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter

from balai.accounts.services import invitation_create, set_password_url
from balai.registrations.tests.conftest import file_application, walk  # noqa: F401
from balai.tests.routes import url_patterns

DASHBOARD = "/dasbor/"


def dashboard_urls(village_slug: str) -> list[str]:
    """Every dashboard URL pattern, reversed with the cast's village (ids of rows nobody has
    give a 404, which must be just as uncacheable)."""
    values = {IntConverter: 1, SlugConverter: village_slug, StringConverter: "x"}
    urls = []
    for route, name, converters in url_patterns(get_resolver()):
        if not route.startswith(DASHBOARD.lstrip("/")):
            continue
        kwargs = {}
        for key, converter in converters.items():
            kwargs[key] = values.get(type(converter), "x")
            if isinstance(converter, PathConverter):
                kwargs[key] = "x/y"
        urls.append(reverse(name, kwargs=kwargs))
    return urls


def assert_no_store(response, url: str) -> None:
    header = response.get("Cache-Control", "")
    assert "no-store" in header and "private" in header, f"{url}: {header!r}"


def test_there_are_many_dashboard_urls_to_check(dagan):
    assert len(dashboard_urls(dagan.slug)) > 100


@pytest.mark.parametrize("who", ["alice", "dina", "maya"])
def test_every_dashboard_url_is_private_and_not_stored(request, client, dagan, who):
    client.force_login(request.getfixturevalue(who))
    statuses = []
    for url in dashboard_urls(dagan.slug):
        response = client.get(url)
        statuses.append(response.status_code)
        assert_no_store(response, url)
    assert statuses.count(200) > 20  # real pages, not only refusals


def test_dashboard_answers_to_an_anonymous_visitor_are_not_stored_either(client, dagan):
    for url in dashboard_urls(dagan.slug)[:30]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404, 405)
        assert_no_store(response, url)


def test_a_signed_in_person_on_a_public_page_is_not_stored(login, alice, dagan):
    client = login(alice)
    for url in ("/", "/desa/dagan/", "/akun/", "/masuk/"):
        assert_no_store(client.get(url, follow=True), url)


def test_anonymous_public_pages_stay_cacheable(client, dagan):
    for url in ("/", "/desa/dagan/", "/daftar/", "/berita/", "/statistik/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", ""), url


def test_a_response_that_is_the_same_for_everyone_keeps_its_public_header(login, alice, dagan):
    theme = login(alice).get("/desa/dagan/tema.css")
    assert theme["Cache-Control"] == "public, max-age=31536000, immutable"


def test_the_public_page_cache_still_serves_anonymous_visitors(client, dagan):
    from balai.villages.models import Page

    first = client.get("/desa/dagan/")
    Page.objects.filter(village=dagan).update(title="tidak terlihat")  # no signal: no bump
    second = client.get("/desa/dagan/")
    assert first.content == second.content
    assert "no-store" not in second.get("Cache-Control", "")


def test_the_registration_tracking_and_revision_pages_are_not_stored(client, db):
    application = file_application()
    for name in ("registrations:status", "registrations:revise"):
        url = reverse(name, kwargs={"code": application.code})
        assert_no_store(client.get(url, follow=True), url)
    lookup = reverse("registrations:lookup") + f"?code={application.code}"
    assert_no_store(client.get(lookup), lookup)


def test_the_registration_answers_are_not_stored(walk):  # noqa: F811
    client = walk(upto="letter")
    for url in ("/daftar/desa/", "/daftar/pemohon/", "/daftar/alamat/", "/daftar/surat/"):
        assert_no_store(client.get(url), url)
    check = client.get("/daftar/periksa/")
    assert check.status_code == 200 and "Sri Wahyuni" in check.content.decode()
    assert_no_store(check, "/daftar/periksa/")
    done = client.post("/daftar/periksa/", follow=True)
    assert_no_store(done, "/daftar/terkirim/")


def test_an_invitation_is_not_stored(client, dagan, alice):
    _invitation, token = invitation_create(
        village=dagan, email="baru@dagan.desa.id", role="editor", invited_by=alice
    )
    url = reverse("accounts:invitation", kwargs={"token": token})
    assert_no_store(client.get(url), url)


def test_the_new_password_page_of_a_reset_link_is_not_stored(client, alice):
    path = set_password_url(alice).split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert "Buat kata sandi baru" in response.content.decode()
    assert_no_store(response, path)
