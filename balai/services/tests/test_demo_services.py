"""The demo gives every village a catalogue and Dagan a request in every state."""

from __future__ import annotations

import random

from balai.services import demo
from balai.services.models import Service, ServiceRequest


def test_the_demo_builds_and_clears_the_counter(dagan, bojongsari, alice):
    from balai.services.tests.conftest import make_resident

    for n in range(8):
        make_resident(dagan, nik=f"33030945019000{n:02d}", name=f"WARGA {n}")
    counts = demo.demo_build(
        rng=random.Random(7), villages=[dagan, bojongsari], users={"admin@dagan.desa.id": alice}
    )
    assert counts["service requests"] == 8 + 3
    assert Service.objects.for_village(bojongsari).count() >= 18
    states = set(ServiceRequest.objects.for_village(dagan).values_list("status", flat=True))
    assert states == set(ServiceRequest.Status.values)
    done = ServiceRequest.objects.for_village(dagan).filter(status="selesai")
    assert done.filter(download_open=True).exists()
    assert ServiceRequest.objects.for_village(dagan).filter(resident__isnull=False).exists()
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not ServiceRequest.objects.exists() and not Service.objects.exists()
