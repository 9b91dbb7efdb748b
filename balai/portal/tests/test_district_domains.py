from __future__ import annotations

import pytest
from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.villages.models import VillageDomain


def add(client, slug, domain):
    return client.post(reverse("district:domain_add", args=[slug]), {"domain": domain})


def test_district_admin_adds_a_custom_domain(login, dina, dagan):
    assert add(login(dina), "dagan", " Dagan.Desa.ID ").status_code == 302
    domain = VillageDomain.objects.get(village=dagan)
    assert domain.domain == "dagan.desa.id" and domain.is_primary
    assert AuditEntry.objects.get(action="village.domain_add").target == "dagan.desa.id"


def test_the_custom_domain_then_serves_the_village(login, dina, dagan, client):
    add(login(dina), "dagan", "dagan.desa.id")
    client.logout()
    response = client.get("/", headers={"host": "dagan.desa.id"})
    assert response.status_code == 200
    assert "Dagan" in response.content.decode()


@pytest.mark.parametrize(
    "bad",
    ["https://dagan.desa.id/", "dagan", "dagan desa.id", "-dagan.desa.id", "dagan..id", "x.1"],
)
def test_bad_hostnames_are_refused_in_indonesian(login, dina, dagan, bad):
    response = add(login(dina), "dagan", bad)
    assert response.status_code == 400
    assert "Tulis nama domain yang sah" in response.content.decode()
    assert not VillageDomain.objects.exists()


def test_a_domain_used_by_another_village_is_refused(login, dina, dagan, bojongsari):
    VillageDomain.objects.create(village=bojongsari, domain="bojongsari.desa.id")
    response = add(login(dina), "dagan", "bojongsari.desa.id")
    assert response.status_code == 400
    assert "sudah dipakai oleh Desa Bojongsari" in response.content.decode()
    assert not VillageDomain.objects.filter(village=dagan).exists()


def test_the_district_domain_itself_is_refused(login, dina, dagan, settings):
    settings.DISTRICT_DOMAIN = "desa.purbalinggakab.go.id"
    response = add(login(dina), "dagan", "dagan.desa.purbalinggakab.go.id")
    assert response.status_code == 400


def test_removing_a_domain_is_logged_and_only_touches_that_village(login, dina, dagan, bojongsari):
    theirs = VillageDomain.objects.create(village=bojongsari, domain="bojongsari.desa.id")
    ours = VillageDomain.objects.create(village=dagan, domain="dagan.desa.id")
    client = login(dina)
    client.post(reverse("district:domain_remove", args=["dagan", theirs.pk]))
    assert VillageDomain.objects.filter(pk=theirs.pk).exists()
    client.post(reverse("district:domain_remove", args=["dagan", ours.pk]))
    assert not VillageDomain.objects.filter(pk=ours.pk).exists()
    assert AuditEntry.objects.filter(action="village.domain_remove").count() == 1
