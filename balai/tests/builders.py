"""A generic builder of one saved row of any village-owned model, for the project-level tests
that must cover every model (tests/test_village_owned.py). A model the generic builder cannot
fill gets a small builder of its own in BUILDERS."""

from __future__ import annotations

import datetime
import decimal
import itertools
import uuid
from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils import timezone

from balai.accounts.models import User
from balai.regions.models import Region
from balai.villages.models import Village

_numbers = itertools.count(1)

# model label → builder(village) for models the generic filling cannot make valid.
BUILDERS: dict[str, Callable[[Village], models.Model]] = {}


def _value(field: models.Field, village: Village) -> Any:
    n = next(_numbers)
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.ForeignKey):
        return _related(field, village)
    if isinstance(field, models.EmailField):
        return f"orang{n}@contoh.id"
    if isinstance(field, models.SlugField):
        return f"uji-{n}"
    if isinstance(field, models.URLField):
        return f"https://contoh.id/{n}"
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.CharField):
        return f"uji {n}"[: field.max_length or 20]
    if isinstance(field, models.TextField):
        return f"Isi uji {n}."
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DecimalField):
        return decimal.Decimal(1)
    if isinstance(field, models.IntegerField | models.FloatField):
        return 1
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return datetime.date(2026, 1, 1)
    if isinstance(field, models.TimeField):
        return datetime.time(8, 0)
    if isinstance(field, models.JSONField):
        return {}
    if isinstance(field, models.FileField):
        return f"uji/{n}.txt"
    raise NotImplementedError(f"no test value for {field!r}: add a builder to BUILDERS")


def _related(field: models.ForeignKey, village: Village) -> models.Model:
    target = field.related_model
    assert isinstance(target, type)
    if target is Village:
        return village
    if target is Region:
        return village.region
    if issubclass(target, User):
        n = next(_numbers)
        return User.objects.create_user(f"pengguna{n}@contoh.id", "rahasia-uji", name="Uji")
    return build(target, village)


def build(model: type[models.Model], village: Village) -> models.Model:
    """A saved row of `model` in `village`, with every required field filled."""
    if model._meta.label in BUILDERS:
        return BUILDERS[model._meta.label](village)
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name == "village":
            continue
        if field.has_default() or field.null or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False):
            continue
        if field.blank and not isinstance(field, models.ForeignKey):
            continue
        values[field.name] = _value(field, village)
    if any(f.name == "village" for f in model._meta.concrete_fields):
        values["village"] = village
    return model.objects.create(**values)
