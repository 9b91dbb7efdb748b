"""The demo builds help requests in several states, guides and events, and clears them again."""

from __future__ import annotations

import random

from balai.mentoring import demo
from balai.mentoring.models import Event, EventRegistration, Guide, HelpRequest


def test_the_demo_builds_and_clears_mentoring_data(dagan, bojongsari, alice, maya, dina):
    users = {"admin@dagan.desa.id": alice, "mentor@rtik-purbalingga.or.id": maya}
    counts = demo.demo_build(rng=random.Random(7), villages=[dagan, bojongsari], users=users)
    assert counts["help requests"] == 6
    assert set(HelpRequest.objects.values_list("status", flat=True)) == {
        "open",
        "answered",
        "resolved",
    }
    assert Guide.objects.filter(context_key="population_import").exists()
    assert Event.objects.count() == 3 and EventRegistration.objects.exists()
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not HelpRequest.objects.exists() and not Guide.objects.exists()
    assert not Event.objects.exists() and not EventRegistration.objects.exists()
