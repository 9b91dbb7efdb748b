"""The demo gives Dagan a register that tells a story (an amended RPJM Desa, a revoked Perdes,
every kind of act, real PDFs) and other desa their APB Desa Perdes; clearing removes it all."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from django.utils import timezone

from balai.legal import demo
from balai.legal.models import LegalAct
from balai.lib.pdf import pdf_check

pytestmark = pytest.mark.django_db


def test_the_demo_builds_and_clears_the_registers(dagan, bojongsari):
    counts = demo.demo_build(rng=random.Random(2), villages=[dagan, bojongsari], users={})
    year = timezone.localdate().year
    acts = {a.slug: a for a in LegalAct.objects.filter(village=dagan)}
    assert counts["legal_acts"] >= len(acts) == len(demo.dagan_plans(year))
    assert acts["perdes-2020-3"].status == LegalAct.Status.DIUBAH
    assert acts["perdes-2019-2"].status == LegalAct.Status.DICABUT
    assert {a.kind for a in acts.values()} == set(LegalAct.Kind.values)
    apb = next(a for a in acts.values() if a.topic == "apbdes" and a.period_from == year)
    path = Path(apb.file.path)
    pdf_check(path.read_bytes())  # a clean, real PDF
    assert apb.source.startswith("Lembaran Desa Dagan")
    demo.demo_clear(village_ids={dagan.pk, bojongsari.pk})
    assert not LegalAct.objects.exists()
    assert not path.exists()
