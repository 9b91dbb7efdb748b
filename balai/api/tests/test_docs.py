"""The OpenAPI schema and the docs page: served by us, under the CSP, with nothing from a CDN."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_lists_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Balai API"
    assert set(schema["paths"]) == {
        "/api/v1/villages",
        "/api/v1/villages/{slug}",
        "/api/v1/villages/{slug}/news",
        "/api/v1/villages/{slug}/population",
        "/api/v1/villages/{slug}/apbdes",
        "/api/v1/villages/{slug}/products",
    }
    assert all(set(ops) == {"get"} for ops in schema["paths"].values())


def test_the_docs_page_loads_only_our_own_static_files(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/static/") for s in sources), sources
    # The only inline <script> is a JSON data block, which the CSP does not execute.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert all('type="application/json"' in attrs for attrs in inline), inline


def test_the_api_only_answers_reads(client, dagan):
    assert client.post("/api/v1/villages").status_code == 405
    assert client.delete("/api/v1/villages/dagan").status_code == 405
