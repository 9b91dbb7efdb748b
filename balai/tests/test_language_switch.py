from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_choosing_english_sets_a_cookie_and_returns_to_the_same_page(client):
    response = client.get("/bahasa/en/?next=/desa/")
    assert response.status_code == 302
    assert response["Location"] == "/desa/"
    assert response.cookies["django_language"].value == "en"


@pytest.mark.django_db
def test_the_switch_never_sends_people_to_another_site(client):
    response = client.get("/bahasa/id/?next=https://judi.example/")
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_an_unknown_language_is_not_found(client):
    assert client.get("/bahasa/xx/").status_code == 404


@pytest.mark.django_db
def test_an_english_browser_still_gets_bahasa_indonesia_until_english_is_chosen(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    client.cookies["django_language"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="id")["Content-Language"] == "en"
