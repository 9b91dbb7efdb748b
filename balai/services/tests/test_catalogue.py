"""The catalogue: seeded from the district's list, public per village, each village edits its
own copy."""

from __future__ import annotations

import pytest
from django.urls import reverse

from balai.services.catalogue import catalogue_seed
from balai.services.defaults import DEFAULT_SERVICES
from balai.services.models import LETTER_KEYS, DefaultService, Service
from balai.services.tests.conftest import site
from balai.villages.signals import village_provisioned

pytestmark = pytest.mark.django_db


def test_the_district_list_holds_every_letter_and_services_without_one():
    keys = {d["letter_key"] for d in DEFAULT_SERVICES if d["letter_key"]}
    assert keys == LETTER_KEYS
    assert any(not d["letter_key"] for d in DEFAULT_SERVICES)


def test_a_provisioned_village_gets_a_copy_once(dagan):
    village_provisioned.send(sender=type(dagan), village=dagan)
    count = Service.objects.for_village(dagan).count()
    assert count == DefaultService.objects.filter(is_active=True).count() >= 18
    assert catalogue_seed(village=dagan) == 0


def test_a_villages_edit_stays_its_own(dagan, bojongsari, login, alice):
    catalogue_seed(village=dagan)
    catalogue_seed(village=bojongsari)
    own = Service.objects.for_village(dagan).get(slug="surat-domisili")
    client = login(alice)
    url = reverse("services_dashboard:service_edit", kwargs={"slug": "dagan", "pk": own.pk})
    data = {f: getattr(own, f) for f in ("name", "slug", "summary", "letter_key", "requirements")}
    data.update(
        procedure=own.procedure,
        duration_days=2,
        cost="Gratis",
        product=own.product,
        officer="Kasi Pelayanan",
        complaints=own.complaints,
        legal_basis=own.legal_basis,
        link="",
        order=5,
        online="on",
        is_published="on",
    )
    assert client.post(url, data).status_code == 302
    own.refresh_from_db()
    assert own.officer == "Kasi Pelayanan" and own.duration_days == 2
    other = Service.objects.for_village(bojongsari).get(slug="surat-domisili")
    assert other.officer != "Kasi Pelayanan"
    assert DefaultService.objects.get(slug="surat-domisili").duration_days == 1


def test_a_reserved_or_taken_address_is_refused(dagan, login, alice):
    catalogue_seed(village=dagan)
    client = login(alice)
    url = reverse("services_dashboard:service_add", kwargs={"slug": "dagan"})
    before = Service.objects.count()
    for slug, message in (("lacak", "dipakai situs"), ("surat-domisili", "sudah dipakai")):
        response = client.post(url, {"name": "X", "slug": slug, "duration_days": 1, "order": 1})
        assert response.status_code == 400
        assert message in response.content.decode()
    assert Service.objects.count() == before


def test_the_public_pages_show_the_service_standard(client, dagan):
    catalogue_seed(village=dagan)
    listing = client.get(site(dagan, "services_index"))
    assert listing.status_code == 200
    assert "Surat Keterangan Domisili" in listing.content.decode()
    assert "public" in listing["Cache-Control"]
    page = client.get(
        site(dagan, "services_detail", service_slug="surat-domisili")
    ).content.decode()
    for element in (
        "Persyaratan",
        "Prosedur",
        "Jangka waktu",
        "Biaya/tarif",
        "Produk layanan",
        "Petugas",
        "Pengaduan",
        "Dasar hukum",
        "Ajukan online",
    ):
        assert element in page
    legal = client.get(site(dagan, "services_detail", service_slug="legalisasi")).content.decode()
    assert "Ajukan online" not in legal


def test_a_hidden_service_is_not_public_and_the_menu_follows(client, dagan):
    assert client.get(site(dagan, "home")).content.decode().count('/layanan/"') == 0
    catalogue_seed(village=dagan)
    assert 'layanan/"' in client.get(site(dagan, "home")).content.decode()
    Service.objects.for_village(dagan).filter(slug="legalisasi").update(is_published=False)
    url = site(dagan, "services_detail", service_slug="legalisasi")
    assert client.get(url).status_code == 404


def test_the_district_edits_its_default_list(client, login, dina, alice):
    catalogue_seed_url = reverse("services_district_dashboard:index")
    assert login(alice).get(catalogue_seed_url).status_code == 404
    client = login(dina)
    page = client.get(catalogue_seed_url)
    assert page.status_code == 200 and "Surat Keterangan Usaha" in page.content.decode()
    response = client.post(
        reverse("services_district_dashboard:default_add"),
        {
            "name": "Surat Keterangan Ahli Waris",
            "slug": "ahli-waris",
            "letter_key": "umum",
            "duration_days": 3,
            "order": 160,
            "cost": "Gratis",
            "is_active": "on",
            "online": "on",
        },
    )
    assert response.status_code == 302
    assert DefaultService.objects.get(slug="ahli-waris").online


def test_a_service_with_requests_is_hidden_not_deleted(dagan, login, alice):
    from balai.services.tests.conftest import make_request

    catalogue_seed(village=dagan)
    used = Service.objects.for_village(dagan).get(slug="surat-domisili")
    make_request(dagan, used)
    unused = Service.objects.for_village(dagan).get(slug="legalisasi")
    client = login(alice)
    for service in (used, unused):
        url = reverse(
            "services_dashboard:service_delete", kwargs={"slug": "dagan", "pk": service.pk}
        )
        assert client.post(url).status_code == 302
    used.refresh_from_db()
    assert not used.is_published
    assert not Service.objects.filter(pk=unused.pk).exists()
