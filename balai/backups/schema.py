"""Which models hold a village's data, found by introspection, and how one row is written.

A model belongs to a village's archive when it has a ForeignKey to villages.Village, or to a
model that does (children, grandchildren, many-to-many link tables). Models listed in EXCLUDED
are the district's own records about the village, not the village's data.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import uuid
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.duration import duration_iso_string

from balai.villages.models import Village

SCHEMA_VERSION = 1
FORMAT = "balai-village-backup"
EXCLUDED = {
    "accounts.invitation",  # one-time secrets, useless elsewhere
    "backups.villageexport",  # the archives themselves
    "watch.loginrecord",
    "watch.integrityalert",  # the district's security watch
    "mentoring.eventregistration",  # the district's event records
}
# Archives written before the support app was split (issue 12) name its models by their old
# labels; the rows and columns are the same, so such an archive restores under the new ones.
RENAMED = {
    f"support.{name}": f"{app}.{name}"
    for app, names in {
        "mentoring": (
            "helprequest",
            "helpreply",
            "helpattachment",
            "guide",
            "guideimage",
            "event",
            "eventregistration",
        ),
        "watch": ("freshnessscore", "loginrecord", "integrityalert"),
        "backups": ("villageexport",),
    }.items()
    for name in names
}


def _fks(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [
        f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)
    ]


def village_models() -> list[type[models.Model]]:
    """Every model holding village rows, parents before children (insert order)."""
    candidates = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m is not Village and not m._meta.proxy and m._meta.label_lower not in EXCLUDED
    ]
    chosen: list[type[models.Model]] = [
        m for m in candidates if any(f.related_model is Village for f in _fks(m))
    ]
    grown = True
    while grown:
        grown = False
        for m in candidates:
            if m not in chosen and any(f.related_model in chosen for f in _fks(m)):
                chosen.append(m)
                grown = True
    return _insert_order(chosen)


def _insert_order(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    ordered: list[type[models.Model]] = []
    pending = sorted(chosen, key=lambda m: m._meta.label_lower)
    while pending:
        for m in pending:
            deps = {f.related_model for f in _fks(m)} & set(pending)
            if deps <= {m}:  # a self-reference is filled in a second pass
                ordered.append(m)
                pending.remove(m)
                break
        else:  # a cycle between models: take the first and fill its links later
            ordered.append(pending.pop(0))
    return ordered


def field_names(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if not f.primary_key]


def encode(value: Any) -> Any:
    """JSON-safe values with nothing lost (DjangoJSONEncoder would cut microseconds)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    return value


def dumps(data: Any) -> bytes:
    return (json.dumps(encode(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
