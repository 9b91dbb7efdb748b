"""No small cell of a public table can be worked out from the exact totals: complementary
suppression, the same in the page, the chart, the CSV and the JSON, for villages and district."""

from __future__ import annotations

import csv
import io
import json
import random
from fractions import Fraction

import pytest
from django.utils import timezone

from balai.population.figures import BY_KEY, figures_recompute
from balai.population.models import Family, Resident
from balai.population.selectors import build_table
from balai.population.suppression import COMPLEMENTARY, PRIMARY, SHOWN, grid_lines, suppress

S, P, C = SHOWN, PRIMARY, COMPLEMENTARY


def _grid(code_rows, unfilled=(0, 0)):
    rows = [list(r) for r in code_rows] + [list(unfilled)]
    filled = [sum(r[0] for r in code_rows), sum(r[1] for r in code_rows)]
    return [[a, b, a + b] for a, b in [*rows, filled]]


CASES = [
    pytest.param(
        # 70–74: 23 people, 20 men → the 3 women must not be computable from the row.
        [(20, 3), (30, 40), (50, 60)],
        [[C, P, S], [C, C, S], [S, S, S], [S, S, S], [S, S, S]],
        id="70-74 row: men hidden beside the small women cell",
    ),
    pytest.param(
        [(10, 10), (10, 10), (10, 10)],
        [[S] * 3] * 5,
        id="nothing small, nothing hidden",
    ),
    pytest.param(
        [(2, 2), (30, 40), (50, 60)],
        [[P, P, P], [C, C, C], [S, S, S], [S, S, S], [S, S, S]],
        id="a whole small row hides the next-smallest row",
    ),
    pytest.param(
        [(0, 3), (9, 6), (50, 60)],
        [[S, P, P], [S, C, C], [S, S, S], [S, S, S], [S, S, S]],
        id="a zero is shown and not used as the complement when another cell can be",
    ),
]


@pytest.mark.parametrize(("code_rows", "expected"), CASES)
def test_complementary_cells_are_hidden_beside_small_ones(code_rows, expected):
    assert suppress(_grid(code_rows), 5) == expected


def test_a_small_unfilled_cell_hides_the_subtotal_it_could_be_subtracted_from():
    marks = suppress(_grid([(30, 40), (50, 60)], unfilled=(2, 10)), 5)
    unfilled, subtotal = marks[2], marks[3]
    assert unfilled[0] == P and subtotal[0] != S


def _determined(grid, marks) -> set[tuple[int, int]]:
    """Hidden cells whose value follows from the shown cells and exact totals by any linear
    reasoning (not only one subtraction): exact Gaussian elimination over the table's lines."""
    n = len(grid) - 2
    hidden = [(r, c) for r, row in enumerate(marks) for c, m in enumerate(row) if m]
    index = {p: i for i, p in enumerate(hidden)}
    equations = []
    for r in range(n + 2):
        equations.append({(r, 0): 1, (r, 1): 1, (r, 2): -1})
    for c in range(3):
        equations.append({**{(r, c): 1 for r in range(n)}, (n + 1, c): -1})
        equations.append({(n, c): 1, (n + 1, c): 1})  # = the exact Total, a constant
    matrix = []
    for eq in equations:
        row = [Fraction(0)] * len(hidden)
        for p, coef in eq.items():
            if p in index:
                row[index[p]] += coef
        if any(row):
            matrix.append(row)
    pivots, lead = [], 0
    for col in range(len(hidden)):
        pivot = next((i for i in range(lead, len(matrix)) if matrix[i][col]), None)
        if pivot is None:
            continue
        matrix[lead], matrix[pivot] = matrix[pivot], matrix[lead]
        matrix[lead] = [v / matrix[lead][col] for v in matrix[lead]]
        for i in range(len(matrix)):
            if i != lead and matrix[i][col]:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[lead], strict=True)]
        pivots.append((lead, col))
        lead += 1
    found = set()
    for row, col in pivots:
        if all(v == 0 for j, v in enumerate(matrix[row]) if j != col):
            found.add(hidden[col])
    return found


def _random_table(rng: random.Random):
    small = rng.choice([0.2, 0.4, 0.7])

    def value():
        return rng.randint(0, 4) if rng.random() < small else rng.randint(5, 400)

    code_rows = [(value(), value()) for _ in range(rng.randint(1, 18))]
    return _grid(code_rows, unfilled=(value(), value()) if rng.random() < 0.6 else (0, 0))


def test_no_hidden_value_can_be_derived_from_its_row_or_column_total():
    for seed in range(400):
        grid = _random_table(random.Random(seed))
        marks = suppress(grid, 5)
        for r, row in enumerate(grid[:-1]):
            for c, v in enumerate(row):
                assert (marks[r][c] == P) == (0 < v < 5), seed  # every small cell hidden
        for line in grid_lines(len(grid) - 2):
            # One hidden cell in a line whose other members and total are shown = subtraction.
            assert sum(1 for r, c in line if marks[r][c]) != 1, (seed, line, grid, marks)
        primaries = {(r, c) for r, row in enumerate(marks) for c, m in enumerate(row) if m == P}
        assert not primaries & _determined(grid, marks), (seed, grid, marks)


def _village_of(village, ages_and_sexes):
    fam = Family.objects.create(village=village, number="3303090101100001")
    today = timezone.localdate()
    for i, (age, sex) in enumerate(ages_and_sexes):
        Resident.objects.create(
            village=village,
            nik=f"33030912037{i:05d}",
            name=f"WARGA {i}",
            family=fam,
            sex=sex,
            family_relation=1 if i == 0 else 4,
            religion=1,
            birth_date=today.replace(year=today.year - age - 1),
        )
    figures_recompute(village=village)


def test_the_70_74_example_is_safe_in_page_chart_csv_and_json(client, dagan):
    # 70–74: 20 men and 3 women; 30–34: 12 men and 15 women.
    _village_of(dagan, [(71, 1)] * 20 + [(72, 2)] * 3 + [(31, 1)] * 12 + [(32, 2)] * 15)
    data = json.loads(client.get("/desa/dagan/statistik/umur/data.json").content)
    row = next(r for r in data["baris"] if r["label"] == "70–74")
    assert row["laki_laki"] is None and row["perempuan"] is None and row["jumlah"] == 23
    total = next(r for r in data["baris"] if r["jenis"] == "total")
    assert (total["laki_laki"], total["perempuan"], total["jumlah"]) == (32, 18, 50)
    lines = list(csv.reader(io.StringIO(client.get("/desa/dagan/statistik/umur/data.csv").text)))
    assert ["70–74", "*", "< 5", "23"] in lines
    html = client.get("/desa/dagan/statistik/umur/").content.decode()
    assert ">20<" not in html and ">3<" not in html
    assert 'fill="url(#chart-statistik-hatch)"' in html and "bertanda “*”" in html


def test_district_tables_are_suppressed_the_same_way(client, dagan, bojongsari):
    _village_of(dagan, [(71, 1)] * 20 + [(72, 2)] * 3 + [(31, 1)] * 12 + [(32, 2)] * 15)
    data = json.loads(client.get("/statistik/umur/data.json").content)
    row = next(r for r in data["baris"] if r["label"] == "70–74")
    assert row["laki_laki"] is None and row["perempuan"] is None


def test_hidden_bars_all_have_the_same_length_whatever_they_hide():
    from balai.lib.charts import HIDDEN_WIDTH
    from balai.population.views.site import statistics_chart

    table = build_table(BY_KEY["umur"], [(1, "", 1, 200), (1, "", 2, 3), (2, "", 1, 1)])
    svg = str(statistics_chart(table))
    hidden = sum(c.hidden for r in table.code_rows for c in r.cells[:2])
    assert hidden == 3
    assert svg.count(f'width="{HIDDEN_WIDTH}" height="22" fill="url(#chart-statistik-hatch)"') == 3
