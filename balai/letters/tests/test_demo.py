"""The demo issues a month of letters from the demo residents, revokes one, and clears them."""

from __future__ import annotations

import random

import pytest

from balai.letters import demo
from balai.letters.models import Letter, LetterCounter
from balai.letters.tests.conftest import make_officials, make_resident

pytestmark = pytest.mark.django_db


def test_the_demo_issues_letters_and_clears_them(dagan, bojongsari):
    for village, nik in ((dagan, "3303095508900001"), (bojongsari, "3303140101800003")):
        make_officials(village)
        make_resident(village, nik=nik)
    counts = demo.demo_build(rng=random.Random(1), villages=[dagan, bojongsari], users={})
    assert counts["letters"] == 2 * demo.PER_VILLAGE == Letter.objects.count()
    assert Letter.objects.filter(village=dagan, revoked_at__isnull=False).count() == 1
    numbers = list(Letter.objects.filter(village=dagan).values_list("number", flat=True))
    assert len(set(numbers)) == demo.PER_VILLAGE
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not Letter.objects.exists() and not LetterCounter.objects.exists()
