"""A public statistics page: the categories as one row of chips under the heading, the chart,
its table folded beneath it in a named scroll region (shown once, not as a chart and a stack
of cards), on the village site and on the district's pages alike."""

from __future__ import annotations

import re

import pytest

from balai.population.tests.test_small_cell_suppression import _village_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/desa/dagan/statistik/umur/", "/statistik/umur/"])
def test_chips_first_then_the_chart_with_its_table_folded(client, dagan, path):
    _village_of(dagan, [(a, 1 + a % 2) for a in range(0, 90, 3)] * 3)
    main = client.get(path).content.decode().split("<main")[1]
    chips = main.index('<ul class="chip-row">')
    assert main.index("</h1>") < chips < main.index('<svg class="chart')
    assert re.search(r'aria-current="page">Umur</a>', main)
    assert ">Keluarga per dusun<" in main  # the chip's short label
    fold = re.search(r'<details class="table-fold">(.*?)</details>', main, re.S)
    assert fold and main.index("<svg") < fold.start()
    assert '<div class="table-scroll" role="region" tabindex="0" aria-label="Umur' in fold.group(1)
    assert main.count("<table") == 1 and "stack" not in main
