"""Every village-owned model is shaped the same way: it inherits VillageOwned (the village key
and the scoped manager) and says in its own class whether its rows are public; saving or deleting
a public row refreshes the village's cached pages (villages/content.py)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from balai.tests.builders import build
from balai.villages.models import Village, VillageOwned


def models_with_a_village_key() -> list[type[models.Model]]:
    found = []
    for model in apps.get_models():
        if any(f.is_relation and f.related_model is Village for f in model._meta.concrete_fields):
            found.append(model)
    return found


OWNED = models_with_a_village_key()
PUBLIC = [m for m in OWNED if issubclass(m, VillageOwned) and m.public_content]


def label(model: type[models.Model]) -> str:
    return model._meta.label


def test_the_cast_of_models_is_found():
    labels = {label(m) for m in models_with_a_village_key()}
    assert {"villages.Official", "villages.Page", "accounts.Invitation"} <= labels


@pytest.mark.parametrize("model", OWNED, ids=label)
def test_every_model_with_a_village_key_inherits_village_owned(model):
    assert issubclass(model, VillageOwned), f"{label(model)} must inherit VillageOwned"
    assert hasattr(model.objects, "for_village"), f"{label(model)}.objects has no for_village"


@pytest.mark.parametrize("model", OWNED, ids=label)
def test_every_village_owned_model_says_whether_it_is_public(model):
    assert "public_content" in vars(model), (
        f"{label(model)} must set public_content = True or False in its own class"
    )


def version(village: Village) -> int:
    return Village.objects.values_list("content_version", flat=True).get(pk=village.pk)


@pytest.mark.parametrize("model", PUBLIC, ids=label)
def test_saving_and_deleting_a_public_row_bumps_the_village_content_version(model, dagan):
    before = version(dagan)
    row = build(model, dagan)
    assert version(dagan) > before, f"creating a {label(model)} did not bump the version"
    created = version(dagan)
    row.save()
    assert version(dagan) == created + 1, f"saving a {label(model)} did not bump the version"
    row.delete()
    assert version(dagan) == created + 2, f"deleting a {label(model)} did not bump the version"


def test_a_transaction_that_writes_many_public_rows_bumps_once(dagan):
    from django.db import transaction

    from balai.villages.models import Official

    with transaction.atomic():
        for n in range(5):
            Official.objects.create(village=dagan, name=f"Perangkat {n}", position="Kaur")
    assert version(dagan) == 2


@pytest.mark.parametrize(
    "model", [m for m in OWNED if not getattr(m, "public_content", True)], ids=label
)
def test_writing_a_private_row_leaves_the_cached_pages_alone(model, dagan):
    row = build(model, dagan)
    before = version(dagan)  # building may have written public rows it needs (a seller's shop)
    row.save()
    assert version(dagan) == before
