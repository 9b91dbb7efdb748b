"""The public welfare page draws several charts: each is an image with its own title, sits
beside a table with the same numbers, and no id on the page is used twice (a repeated id
breaks aria-labelledby and the hatch pattern of hidden bars)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from balai.welfare.figures import figures_recompute
from balai.welfare.models import Recipient


@pytest.mark.django_db
def test_every_chart_has_its_own_ids_title_and_table(client, dagan, register, blt, pkh):
    for n, programme in enumerate([blt, blt, blt, pkh]):
        head = register[1 + n][0]
        Recipient.objects.create(
            village=dagan, programme=programme, family=head.family, name=head.name,
            area=head.area, start=date(2025 - n % 2, 1, 1),
        )  # fmt: skip
    figures_recompute(village=dagan)
    html = client.get("/desa/dagan/bantuan-sosial/").content.decode()
    svgs = re.findall(r"<svg .*?</svg>", html, re.S)
    assert len(svgs) >= 3  # programmes, dusun, RW (no ranking imported: no decile chart)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for svg in svgs:
        chart_id = re.search(r'<svg [^>]*\bid="([^"]+)"', svg).group(1)
        assert 'role="img"' in svg and f'<title id="{chart_id}-title">' in svg
    assert "url(#chart-wilayah-hatch)" in html  # the small dusun counts are hatched
    tables = html.count('<table class="table-compact stats-table">')
    assert tables >= len(svgs) - 1  # the trend's table is folded beneath its chart too
    assert html.count('<details class="table-fold">') == tables
