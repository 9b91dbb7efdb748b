"""What a stock CKAN harvester does against the portal host: package_list → package_show →
download every resource; and what it is told when it asks for something we do not do."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from balai.opendata.tests.conftest import get_json
from balai.villages.models import Village

pytestmark = pytest.mark.django_db
API = "/api/3/action/"


def _path(url: str) -> str:
    return urlsplit(url).path


def test_list_show_and_download_every_resource(demo, client):
    listing = get_json(client, API + "package_list")
    assert listing["success"] is True and listing["help"].endswith("name=package_list")
    names = listing["result"]
    assert "dagan-penduduk-kategori" in names and "kabupaten-apbdes" in names
    for name in names:
        package = get_json(client, f"{API}package_show?id={name}")["result"]
        assert package["name"] == name
        assert package["license_id"] == "CC-BY-4.0"
        assert package["organization"]["name"] == name.rsplit("-", 1)[0] or name.startswith(
            package["organization"]["name"] + "-"
        )
        assert {r["format"] for r in package["resources"]} == {"CSV", "JSON"}
        for resource in package["resources"]:
            assert resource["last_modified"] and resource["mimetype"]
            response = client.get(_path(resource["url"]))
            assert response.status_code == 200, resource["url"]
            assert response["Content-Type"].startswith(resource["mimetype"])
    by_id = get_json(client, f"{API}package_show?id={package['id']}")["result"]
    assert by_id["name"] == package["name"]


def test_search_by_organization_pages_and_sorts(demo, client):
    dagan = get_json(client, f"{API}package_search?fq=organization:dagan&rows=1000")["result"]
    assert dagan["count"] >= 5
    assert {p["organization"]["name"] for p in dagan["results"]} == {"dagan"}
    first = get_json(client, f"{API}package_search?fq=organization:dagan&rows=2&start=0")
    second = get_json(client, f"{API}package_search?fq=organization:dagan&rows=2&start=2")
    seen = [p["name"] for p in first["result"]["results"] + second["result"]["results"]]
    assert len(set(seen)) == 4
    assert seen == [p["name"] for p in dagan["results"]][:4]
    newest = [p["metadata_modified"] for p in dagan["results"]]
    assert newest == sorted(newest, reverse=True)
    by_name = get_json(client, f"{API}package_search?fq=organization:dagan&sort=name asc&rows=50")
    names = [p["name"] for p in by_name["result"]["results"]]
    assert names == sorted(names)
    found = get_json(client, f"{API}package_search?q=apbdes&fq=organization:dagan")["result"]
    assert {p["name"] for p in found["results"]} == {"dagan-apbdes", "dagan-pembangunan"}


def test_organizations_are_the_district_and_every_live_village(demo, client):
    names = get_json(client, API + "organization_list")["result"]
    live = set(Village.objects.filter(status="live").values_list("slug", flat=True))
    assert names[0] == "kabupaten" and set(names[1:]) == live
    full = get_json(client, API + "organization_list?all_fields=true")["result"]
    dagan = next(o for o in full if o["name"] == "dagan")
    assert dagan["package_count"] >= 5 and dagan["title"] == "Desa Dagan"
    by_count = get_json(client, API + "organization_list?all_fields=true&sort=package_count desc")
    counts = [o["package_count"] for o in by_count["result"]]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(
    ("query", "field", "status"),
    [
        ("package_search?rows=1001", "rows", 409),
        ("package_search?rows=banyak", "rows", 409),
        ("package_search?start=-1", "start", 409),
        ("package_search?facet.field=tags", "facet.field", 409),
        ("package_search?fq=tags:apbdes", "fq", 409),
        ("package_search?sort=popularity desc", "sort", 409),
        ("package_show", "id", 409),
        ("package_show?id=dagan-apbdes&extra=1", "extra", 409),
        ("organization_list?include_users=true", "include_users", 409),
        ("organization_list?sort=created desc", "sort", 409),
    ],
)
def test_bad_parameters_get_ckans_validation_error(demo, client, query, field, status):
    body = get_json(client, API + query, status)
    assert body["success"] is False and "help" in body
    assert body["error"]["__type"] == "Validation Error"
    assert isinstance(body["error"][field], list) and body["error"][field][0]


def test_unknown_package_and_action(demo, client):
    body = get_json(client, API + "package_show?id=tidak-ada", 404)
    assert body["error"]["__type"] == "Not Found Error"
    body = get_json(client, API + "package_create", 400)
    assert body["success"] is False and "package_create" in body["error"]["message"]
    assert body["error"]["__type"] == "Bad Request"
    assert client.post(API + "package_list").status_code == 405


def test_the_api_is_open_to_any_origin_and_cacheable(demo, client):
    response = client.get(API + "package_list")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"].startswith("public") and response["ETag"]
    again = client.get(API + "package_list", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_village_hosts_have_no_ckan_api(demo, client, settings):
    settings.VILLAGE_SUBDOMAINS = True
    assert client.get(API + "package_list", HTTP_HOST="dagan.testserver").status_code == 404
    assert client.get("/desa/dagan" + API + "package_list").status_code == 404
    assert client.get("/data/", HTTP_HOST="dagan.testserver").status_code == 200


def test_an_incremental_harvest_asks_for_what_changed_since(demo, client):
    """The stock CKAN harvester's gather query: changed since its last run, paged by id."""
    everything = get_json(client, f"{API}package_search?rows=1000")["result"]["count"]
    query = f"{API}package_search?rows=100&start=0&sort=id asc&fq=metadata_modified:[{{}} TO *]"
    since_long_ago = get_json(client, query.format("2000-01-01T00:00:00Z"))["result"]
    assert since_long_ago["count"] == everything
    ids = [p["id"] for p in since_long_ago["results"]]
    assert ids == sorted(ids)
    assert get_json(client, query.format("2999-01-01T00:00:00Z"))["result"]["count"] == 0
    newest = max(p["metadata_modified"] for p in since_long_ago["results"])
    recent = get_json(client, query.format(newest + "Z"))["result"]
    assert recent["count"] >= 1
    assert all(p["metadata_modified"] >= newest for p in recent["results"])
    body = get_json(client, query.format("kemarin"), 409)
    assert body["error"]["__type"] == "Validation Error" and body["error"]["fq"]
