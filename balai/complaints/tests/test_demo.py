"""The demo gives Dagan a complaint in every state (one escalated with the camat's note) and a
few other villages a handful each; clearing removes them all."""

from __future__ import annotations

import random

import pytest

from balai.complaints import demo
from balai.complaints.escalation import escalation_due
from balai.complaints.models import Complaint, ComplaintEvent
from balai.complaints.selectors import complaint_queue, public_complaints
from balai.complaints.services import today

pytestmark = pytest.mark.django_db


def test_the_demo_builds_every_state_in_dagan_and_clears(dagan, bojongsari, kiki):
    counts = demo.demo_build(
        rng=random.Random(1),
        villages=[dagan, bojongsari],
        users={"camat.bobotsari@purbalinggakab.go.id": kiki},
    )
    assert counts["complaints"] >= len(demo.DAGAN_PLAN)
    mine = Complaint.objects.filter(village=dagan)
    assert set(mine.values_list("status", flat=True)) == set(Complaint.Status.values)
    escalated = mine.get(escalated_at__isnull=False)
    kinds = set(escalated.events.values_list("kind", flat=True))
    assert {ComplaintEvent.Kind.ESCALATED, ComplaintEvent.Kind.INSTRUCTION} <= kinds
    assert mine.filter(anonymous=True, name="").exists() and mine.exclude(suspicious="").exists()
    assert public_complaints(dagan).exists()
    assert any(row.is_warned for row in complaint_queue(dagan, on=today()))
    assert escalation_due(on=today()) == []  # nothing left for the job to do on day one
    assert Complaint.objects.filter(village=bojongsari).exists()
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not Complaint.objects.exists() and not ComplaintEvent.objects.exists()
