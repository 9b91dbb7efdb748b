"""The district sets the licence, publisher and contact of every dataset: a district admin
only; the catalogues follow at once; a bad e-mail is refused with a message and saves nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from balai.audit.models import AuditEntry
from balai.opendata.models import OpendataSettings
from balai.population.models import PopulationFigure, PopulationSettings

URL = "/dasbor/kabupaten/data-terbuka/"
API = "/api/3/action/package_show?id=dagan-penduduk-kategori"


@pytest.fixture
def published(dagan):
    PopulationFigure.objects.create(village=dagan, category="umur", code=5, sex=1, count=40)
    PopulationSettings.objects.create(village=dagan, figures_updated_at=timezone.now())
    return dagan


def test_cc_by_is_the_default_until_the_district_chooses(published, client):
    package = client.get(API).json()["result"]
    assert package["license_id"] == "CC-BY-4.0"
    assert package["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "Dinas Komunikasi dan Informatika" in package["author"]


def test_the_district_admin_changes_licence_and_contact_everywhere_at_once(
    published, client, login, dina
):
    assert client.get(API).json()["result"]["license_id"] == "CC-BY-4.0"  # now cached
    before = client.get("/desa/dagan/data/katalog.ttl").content.decode()
    assert "creativecommons.org/licenses/by/4.0/" in before
    login(dina)
    assert client.get(URL).status_code == 200
    response = client.post(
        URL,
        {
            "licence": "CC0-1.0",
            "publisher": "Dinkominfo Purbalingga",
            "contact_name": "Satu Data",
            "contact_email": "data@purbalinggakab.go.id",
            "default_frequency": "ANNUAL",
        },
    )
    assert response.status_code == 302
    client.logout()
    package = client.get(API).json()["result"]
    assert package["license_id"] == "CC0-1.0" and package["author"] == "Dinkominfo Purbalingga"
    assert package["maintainer_email"] == "data@purbalinggakab.go.id"
    turtle = client.get("/desa/dagan/data/katalog.ttl").content.decode()
    assert "publicdomain/zero/1.0/" in turtle and "mailto:data@purbalinggakab.go.id" in turtle
    page = client.get("/desa/dagan/data/").content.decode()
    assert "Creative Commons CCZero 1.0" in page
    assert AuditEntry.objects.filter(action="opendata.settings", target="CC0-1.0").exists()


def test_a_bad_email_is_refused_and_nothing_is_saved(published, client, login, dina):
    login(dina)
    response = client.post(
        URL,
        {
            "licence": "CC0-1.0",
            "contact_email": "bukan-email",
            "default_frequency": "ANNUAL",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and 'href="#id_contact_email"' in html
    assert not OpendataSettings.objects.exists()


def test_only_district_admins_reach_the_settings(published, client, login, alice):
    assert client.get(URL).status_code == 302  # to the login page
    login(alice)
    assert client.get(URL).status_code == 404
    assert (
        client.post(URL, {"licence": "CC0-1.0", "default_frequency": "ANNUAL"}).status_code == 404
    )
    assert not OpendataSettings.objects.exists()
