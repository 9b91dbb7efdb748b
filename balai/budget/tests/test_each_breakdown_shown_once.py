"""The public APBDes shows each breakdown once: its chart, with the exact amounts in a table
folded beneath it (not a second copy of the same figures as a stack of cards); the years are a
row of chips at the top; numeric tables sit in named scroll regions."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from balai.budget.tests.conftest import make_year

pytestmark = pytest.mark.django_db


def test_each_breakdown_is_a_chart_with_its_table_folded_beneath(client, dagan):
    for year in (2024, 2025):
        make_year(dagan, year)
    url = reverse("site:budget_year", kwargs={"village_slug": "dagan", "tahun": 2025})
    html = client.get(url).content.decode()
    main = html.split("<main")[1]
    charts = re.findall(r'<svg class="chart [^"]*" role="img" id="([^"]+)"', main)
    assert charts == ["chart-income", "chart-bidang", "chart-source", "chart-years"]
    folds = re.findall(r'<details class="table-fold">(.*?)</details>', main, re.S)
    assert len(folds) == 4 and all("<table" in f for f in folds)
    for chart, fold in zip(
        charts, re.split(r'<details class="table-fold">', main)[1:], strict=True
    ):
        assert chart not in fold  # the chart stands above its fold, once
    assert 'class="stack' not in main
    regions = re.findall(r'<div class="table-scroll" ([^>]*)>', main)
    assert regions and all('role="region" tabindex="0" aria-' in r for r in regions)
    years = re.search(r'<nav aria-label="Tahun anggaran"><ul class="chip-row">(.*?)</ul>', main)
    assert years and years.start() < main.index("chart-income")
    assert 'aria-current="page">2025<' in years.group(1)
