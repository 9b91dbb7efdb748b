"""Writes of the open-data app: the district's settings."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from balai.audit.services import audit_record
from balai.opendata.forms import SettingsForm
from balai.opendata.models import OpendataSettings
from balai.villages.cache import district_version_bump, village_version_bump
from balai.villages.models import Village


def _every_version_bump() -> None:
    # The licence and the contact are on every village's /data/ pages and catalogue.
    for pk in Village.objects.filter(status=Village.Status.LIVE).values_list("pk", flat=True):
        village_version_bump(pk)
    district_version_bump()


def settings_save(*, form: SettingsForm, actor: Any) -> OpendataSettings:
    """Save the district's open-data settings (one row) and move every public version, now and
    again after the commit, so no page keeps the old licence."""
    with transaction.atomic():
        saved = form.save(commit=False)
        saved.pk = 1
        saved.save()
        audit_record(actor=actor, action="opendata.settings", target=saved.licence)
        _every_version_bump()
        transaction.on_commit(_every_version_bump)
    return saved
