"""Another village's admin gets 404 on every dashboard URL of Dagan, GET and POST, and
nothing of Dagan changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.villages.models import Official, Page, Village
from balai.villages.tests.conftest import image_upload

VILLAGE_URLS = ["village", "profile", "look", "officials", "official_add", "pages", "page_add"]
OFFICIAL_URLS = ["official_edit", "official_delete", "official_move"]
PAGE_URLS = ["page_edit", "page_delete"]
ALL = VILLAGE_URLS + OFFICIAL_URLS + PAGE_URLS
POST_DATA = {
    "tagline": "Diretas",
    "primary_color": "#000000",
    "name": "Penyusup",
    "position": "Kepala Desa",
    "title": "Diretas",
    "body": "x",
    "arah": "naik",
}


@pytest.fixture
def dagan_things(dagan):
    official = Official.objects.create(village=dagan, name="Sugeng", position="Kepala Desa")
    Official.objects.create(village=dagan, name="Siti", position="Sekretaris", order=1)
    page = Page.objects.create(village=dagan, title="Privasi", slug="kebijakan-privasi", body="x")
    return {"official": official, "page": page}


def dashboard_url(name: str, things: dict) -> str:
    kwargs = {"slug": "dagan"}
    if name in OFFICIAL_URLS:
        kwargs["pk"] = things["official"].pk
    if name in PAGE_URLS:
        kwargs["pk"] = things["page"].pk
    return reverse(f"dashboard:{name}", kwargs=kwargs)


def test_every_dashboard_url_is_covered_here():
    from balai.villages.urls.dashboard import urlpatterns

    assert {p.name for p in urlpatterns} == {"home", *ALL}


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_village_admin_gets_404_on_every_dagan_dashboard_url(
    client, charlie, dagan_things, name, method
):
    client.force_login(charlie)
    data = (
        {**POST_DATA, "photo": image_upload(), "logo": image_upload()} if method == "post" else {}
    )
    before = Village.objects.get(slug="dagan").content_version
    response = getattr(client, method)(dashboard_url(name, dagan_things), data)
    assert response.status_code == 404
    dagan = Village.objects.get(slug="dagan")
    assert dagan.tagline == "Desa batik tulis"
    assert dagan.content_version == before
    assert list(Official.objects.for_village(dagan).values_list("name", flat=True)) == [
        "Sugeng",
        "Siti",
    ]
    assert Page.objects.for_village(dagan).get().title == "Privasi"


@pytest.mark.parametrize("name", OFFICIAL_URLS + PAGE_URLS)
def test_dagan_admin_gets_404_for_another_village_official_or_page(client, alice, bojongsari, name):
    things = {
        "official": Official.objects.create(village=bojongsari, name="Lain", position="Kades"),
        "page": Page.objects.create(village=bojongsari, title="Lain", slug="lain", body="x"),
    }
    client.force_login(alice)
    kwargs = {"slug": "dagan", "pk": things["official" if name in OFFICIAL_URLS else "page"].pk}
    url = reverse(f"dashboard:{name}", kwargs=kwargs)
    assert client.get(url).status_code in (404, 405)
    assert client.post(url, POST_DATA).status_code == 404
    assert Official.objects.filter(name="Lain").exists()
    assert Page.objects.filter(title="Lain").exists()


@pytest.mark.parametrize("name", ALL)
def test_anonymous_visitors_are_sent_to_log_in(client, dagan_things, name):
    if name == "official_move":
        response = client.post(dashboard_url(name, dagan_things))
    else:
        response = client.get(dashboard_url(name, dagan_things))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
