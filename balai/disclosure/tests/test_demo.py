"""The demo gives each live desa a PPID profile, a DIP and requests in every state."""

from __future__ import annotations

import random

import pytest

from balai.disclosure import demo
from balai.disclosure.models import DipItem, InfoRequest, Objection, PpidProfile
from balai.villages.models import Official

pytestmark = pytest.mark.django_db


def test_the_demo_builds_and_clears_a_history_per_desa(dagan, bojongsari):
    Official.objects.create(village=dagan, name="Taufik", position="Sekretaris Desa")
    counts = demo.demo_build(rng=random.Random(1), villages=[dagan, bojongsari], users={})
    assert counts["ppid_requests"] >= len(demo.PLAN)
    assert PpidProfile.objects.get(village=dagan).ppid_name == "Taufik"
    decisions = set(InfoRequest.objects.filter(village=dagan).values_list("decision", flat=True))
    assert decisions == {"", "granted", "partly", "refused", "not_held"}
    assert InfoRequest.objects.filter(village=dagan, extended_on__isnull=False).exists()
    assert DipItem.objects.filter(village=dagan, category="dikecualikan").exists()
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not InfoRequest.objects.exists() and not Objection.objects.exists()
    assert not DipItem.objects.exists() and not PpidProfile.objects.exists()
