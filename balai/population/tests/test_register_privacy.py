"""NIK and No. KK are masked in lists and whole only on the person's page; each view of that
page is logged; admins read the log."""

from __future__ import annotations

from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.population.models import Family, Resident


def _resident(dagan):
    fam = Family.objects.create(village=dagan, number="3303090101100012")
    return Resident.objects.create(
        village=dagan, nik="3303091203750012", name="SUGENG", family=fam, sex=1, family_relation=1
    )


def test_the_list_masks_nik_and_kk(admin_client, dagan, django_assert_max_num_queries):
    person = _resident(dagan)
    for i in range(30):  # more rows must not mean more queries
        Resident.objects.create(
            village=dagan,
            nik=f"33030912037{i:05d}",
            name=f"WARGA {i}",
            family=person.family,
            sex=1,
            family_relation=4,
        )
    # The dashboard frame takes 7 of these (session, user, village, membership, menu).
    with django_assert_max_num_queries(10):
        page = admin_client.get(reverse("population_dashboard:residents", kwargs={"slug": "dagan"}))
    html = page.content.decode()
    assert "3303xxxxxxxx0012" in html
    assert "3303091203750012" not in html and "3303090101100012" not in html


def test_the_person_page_shows_it_whole_and_is_logged(admin_client, dagan, alice):
    person = _resident(dagan)
    url = reverse("population_dashboard:resident", kwargs={"slug": "dagan", "pk": person.pk})
    assert "3303091203750012" in admin_client.get(url).content.decode()
    entry = AuditEntry.objects.get(action="population.resident_view")
    assert entry.actor == alice and entry.village == dagan
    assert "3303" not in str(entry.details) + entry.target
    log = admin_client.get(reverse("population_dashboard:audit", kwargs={"slug": "dagan"}))
    assert "population.resident_view" in log.content.decode()


def test_searching_by_nik_keeps_it_out_of_the_url(admin_client, dagan):
    _resident(dagan)
    url = reverse("population_dashboard:residents", kwargs={"slug": "dagan"})
    assert 'method="post"' in admin_client.get(url).content.decode()
    found = admin_client.post(url, {"q": "3303091203750012"}).content.decode()
    assert "SUGENG" in found
    assert "SUGENG" not in admin_client.post(url, {"q": "3303091203759999"}).content.decode()
