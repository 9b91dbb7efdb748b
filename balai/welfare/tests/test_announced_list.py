"""The announced recipient list: published by the admin, showing name, dusun/RT and period
only, with its decree; residents send objections that only the village reads."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from balai.villages.content import content_changed
from balai.welfare.models import Objection, Programme, Recipient


@pytest.fixture
def listed(dagan, register, blt):
    for n in (1, 2):
        head = register[n][0]
        Recipient.objects.create(
            village=dagan,
            programme=blt,
            family=head.family,
            name=head.name,
            area=head.area,
            start=date(2026, 1, 1),
            end=date(2026, 12, 31),
            amount=300_000,
        )
    blt.list_published = True
    blt.save()
    content_changed(dagan)
    return blt


@pytest.mark.django_db
def test_a_new_blt_dd_programme_is_announced_by_default_and_needs_a_decree(client, alice, dagan):
    client.force_login(alice)
    url = reverse("welfare_dashboard:programme_add", kwargs={"slug": "dagan"})
    data = {
        "name": "BLT Dana Desa 2027",
        "kind": "blt_dd",
        "source": "desa",
        "unit": "family",
        "period_start": "2027-01-01",
        "amount": "300000",
    }
    response = client.post(url, data)
    assert "nomor SK" in response.content.decode()
    response = client.post(url, {**data, "decree_number": "141/1/2027"})
    assert response.status_code == 302
    programme = Programme.objects.get()
    assert programme.publicly_announced and not programme.list_published
    pkh = client.post(url, {**data, "name": "PKH", "kind": "pkh", "source": "pusat"})
    assert pkh.status_code == 302 and not Programme.objects.get(name="PKH").publicly_announced


@pytest.mark.django_db
def test_the_admin_publishes_the_list_and_visitors_see_names_and_rt_only(
    client, alice, dagan, register, blt
):
    head = register[1][0]
    Recipient.objects.create(
        village=dagan,
        programme=blt,
        family=head.family,
        name=head.name,
        area=head.area,
        start=date(2026, 1, 1),
    )
    list_url = f"/desa/dagan/bantuan-sosial/daftar/{blt.pk}/"
    assert client.get(list_url).status_code == 404
    client.force_login(alice)
    client.post(
        reverse("welfare_dashboard:publish", kwargs={"slug": "dagan", "pk": blt.pk}),
        {"tayang": "1"},
    )
    client.logout()
    html = client.get(list_url).content.decode()
    assert "WARGA 1**" in html and "Dusun I" in html and "141/07/I/2026" in html
    assert head.nik not in html and head.family.number not in html and "Kenanga" not in html
    assert "1970" not in html and "12-03" not in html


@pytest.mark.django_db
def test_an_unannounced_programme_has_no_public_list_even_if_flagged(client, dagan, listed, pkh):
    pkh.list_published = True  # cannot happen through the dashboard; still refused publicly
    pkh.save()
    assert client.get(f"/desa/dagan/bantuan-sosial/daftar/{pkh.pk}/").status_code == 404


@pytest.mark.django_db
def test_names_are_masked_and_kept_out_of_search_engines_by_default(client, listed, dagan):
    Recipient.objects.filter(programme=listed).update(name="Sri Wahyuningsih")
    Recipient.objects.create(village=dagan, programme=listed, name="Sainem", start=date(2026, 1, 1))
    content_changed(dagan)
    response = client.get(f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/")
    html = response.content.decode()
    assert "Wahyuningsih" not in html and "Sri W***********" in html
    assert "Sainem" not in html and "Sai***" in html
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex' in html
    cached = client.get(f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/")
    assert "noindex" in cached["X-Robots-Tag"]  # the cached copy keeps the header


@override_settings(WELFARE_MASK_NAMES=False)
@pytest.mark.django_db
def test_a_district_may_announce_full_names_still_unindexed(client, listed):
    response = client.get(f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/")
    assert "WARGA 1-0" in response.content.decode()
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.django_db
def test_a_resident_sends_an_objection_that_only_the_village_reads(client, alice, listed):
    url = f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/sanggah/"
    response = client.post(
        url,
        {
            "kind": "missing",
            "message": "Mbah Sainem di RT 3 belum terdaftar.",
            "sender_name": "Tarno",
            "contact": "081234567890",
        },
    )
    assert response.status_code == 302
    assert Objection.objects.get().contact == "081234567890"
    assert (
        "081234567890"
        not in client.get(f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/").content.decode()
    )
    client.force_login(alice)
    page = client.get(reverse("welfare_dashboard:objections", kwargs={"slug": "dagan"}))
    assert "Mbah Sainem" in page.content.decode() and "081234567890" in page.content.decode()


@pytest.mark.django_db
def test_objections_are_rate_limited_and_the_honeypot_drops_bots(client, listed):
    cache.clear()
    url = f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/sanggah/"
    data = {"kind": "wrong", "message": "Salah."}
    client.post(url, {**data, "website": "http://spam"})
    assert not Objection.objects.exists()
    for _ in range(3):
        assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 429 and "Terlalu banyak" in response.content.decode()
    assert Objection.objects.count() == 3
    assert client.post(url, {"kind": "", "message": ""}).status_code == 200


@pytest.mark.django_db
def test_behind_the_proxy_one_networks_flood_does_not_limit_another(client, listed):
    url = f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/sanggah/"
    data = {"kind": "wrong", "message": "Salah."}

    def send(visitor: str) -> int:
        proxied = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"10.9.9.9, {visitor}"}
        return client.post(url, data, **proxied).status_code

    assert [send("203.0.113.7") for _ in range(5)] == [302, 302, 302, 429, 429]
    assert send("198.51.100.20") == 302  # another visitor behind the same nginx
    assert Objection.objects.count() == 4


@pytest.mark.django_db
def test_there_is_no_public_search_by_name_or_nik(client, listed, register):
    html = client.get(
        f"/desa/dagan/bantuan-sosial/daftar/{listed.pk}/?q={register[1][0].nik}"
    ).content.decode()
    assert "<form" not in html.split("<main", 1)[-1] or "search" not in html.split("<main", 1)[-1]
    assert (
        client.get(f"/desa/dagan/bantuan-sosial/cari/?nik={register[1][0].nik}").status_code == 404
    )
