"""Another village's admin gets 404 on every register URL of Dagan, GET and POST; editors and
ungranted mentors see no personal record; a granted mentor does."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.imports.tests.jobs import make_job
from balai.population.models import Area, Family, PopulationSettings, Resident
from balai.population.tests.conftest import family

PK_URLS = {"resident", "resident_edit", "event_add"}
IMPORT_URLS = {"import", "import_confirm", "import_report"}
FAMILY_URLS = {"family", "family_split", "family_head"}


def _names():
    from balai.population.urls.dashboard import urlpatterns

    return sorted(p.name for p in urlpatterns)


@pytest.fixture
def things(dagan, alice):
    area = Area.objects.create(village=dagan, dusun="Dusun I", rw="001", rt="001")
    fam = Family.objects.create(village=dagan, number="3303090101100001", area=area)
    person = Resident.objects.create(
        village=dagan, nik=family(1)[0]["nik"], name="SUGENG", family=fam, sex=1, family_relation=1
    )
    imp = make_job(dagan, "population.residents", uploaded_by=alice)
    return {"resident": person, "import": imp, "family": fam}


def _url(name: str, things: dict) -> str:
    kwargs = {"slug": "dagan"}
    if name in PK_URLS:
        kwargs["pk"] = things["resident"].pk
    if name in IMPORT_URLS:
        kwargs["pk"] = things["import"].pk
    if name in FAMILY_URLS:
        kwargs["pk"] = things["family"].pk
    return reverse(f"population_dashboard:{name}", kwargs=kwargs)


@pytest.mark.parametrize("name", _names())
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_village_admin_gets_404_everywhere(client, charlie, things, name, method):
    client.force_login(charlie)
    data = {"kind": 2, "name": "X", "mentor_access": "on", "number": "3303090101100099"}
    response = getattr(client, method)(_url(name, things), data)
    assert response.status_code == 404
    assert Resident.objects.get().status == 1 and Resident.objects.get().name == "SUGENG"
    assert not PopulationSettings.objects.exists()


@pytest.mark.parametrize("name", _names())
def test_editor_and_ungranted_mentor_get_404(client, bob, maya, things, name):
    for user in (bob, maya):
        client.force_login(user)
        assert client.get(_url(name, things)).status_code == 404


def test_a_granted_mentor_reads_the_register_but_not_imports(client, maya, things, dagan):
    PopulationSettings.objects.create(village=dagan, mentor_access=True)
    client.force_login(maya)
    assert client.get(_url("residents", things)).status_code == 200
    assert client.get(_url("resident", things)).status_code == 200
    assert client.get(_url("imports", things)).status_code == 404


def test_dagan_admin_gets_404_for_a_bojongsari_resident(client, alice, bojongsari):
    fam = Family.objects.create(village=bojongsari, number="3303140101100001")
    other = Resident.objects.create(
        village=bojongsari, nik="3303140101900001", name="LAIN", family=fam, sex=1
    )
    client.force_login(alice)
    url = reverse("population_dashboard:resident", kwargs={"slug": "dagan", "pk": other.pk})
    assert client.get(url).status_code == 404


def test_district_dashboard_is_for_district_admins_only(client, alice, dina):
    url = reverse("population_district_dashboard:overview")
    client.force_login(alice)
    assert client.get(url).status_code == 404
    client.force_login(dina)
    assert client.get(url).status_code == 200
