"""Splitting a family (pecah KK) and changing its head keep every family with one head."""

from __future__ import annotations

from django.urls import reverse

from balai.audit.models import AuditEntry
from balai.population.models import Family, Resident


def _family(dagan):
    fam = Family.objects.create(village=dagan, number="3303090101100001")
    people = {}
    for i, (name, sex, relation) in enumerate(
        [("BAPAK", 1, 1), ("IBU", 2, 3), ("ANAK SULUNG", 1, 4), ("ISTRI ANAK", 2, 5)]
    ):
        people[name] = Resident.objects.create(
            village=dagan,
            nik=f"33030912037500{i:02d}",
            name=name,
            family=fam,
            sex=sex,
            family_relation=relation,
        )
    return fam, people


def test_a_son_and_his_wife_split_into_a_new_family(admin_client, dagan):
    fam, people = _family(dagan)
    url = reverse("population_dashboard:family_split", kwargs={"slug": "dagan", "pk": fam.pk})
    son, wife = people["ANAK SULUNG"], people["ISTRI ANAK"]
    response = admin_client.post(
        url, {"members": [son.pk, wife.pk], "head": son.pk, "number": "3303090101100002"}
    )
    assert response.status_code == 302
    son.refresh_from_db()
    assert son.family.number == "3303090101100002" and son.family_relation == 1
    assert fam.members.count() == 2
    assert AuditEntry.objects.filter(action="population.family_split").exists()


def test_splitting_away_the_head_or_with_a_bad_number_is_refused(admin_client, dagan):
    fam, people = _family(dagan)
    url = reverse("population_dashboard:family_split", kwargs={"slug": "dagan", "pk": fam.pk})
    head = people["BAPAK"]
    response = admin_client.post(
        url, {"members": [head.pk], "head": head.pk, "number": "3303090101100002"}
    )
    assert "satu kepala keluarga" in response.content.decode()
    response = admin_client.post(
        url, {"members": [people["IBU"].pk], "head": people["IBU"].pk, "number": "123"}
    )
    assert "16 angka" in response.content.decode()
    assert Family.objects.count() == 1


def test_the_wife_becomes_head_and_the_husband_takes_another_relation(admin_client, dagan):
    fam, people = _family(dagan)
    url = reverse("population_dashboard:family_head", kwargs={"slug": "dagan", "pk": fam.pk})
    response = admin_client.post(url, {"new_head": people["IBU"].pk, "old_head_relation": 2})
    assert response.status_code == 302
    relations = dict(fam.members.values_list("name", "family_relation"))
    assert relations["IBU"] == 1 and relations["BAPAK"] == 2


def test_the_family_page_shows_the_number_and_is_logged(admin_client, dagan):
    fam, _people = _family(dagan)
    url = reverse("population_dashboard:family", kwargs={"slug": "dagan", "pk": fam.pk})
    assert "3303090101100001" in admin_client.get(url).content.decode()
    assert AuditEntry.objects.filter(action="population.family_view").exists()
