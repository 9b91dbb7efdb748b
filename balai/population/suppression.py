"""Small-cell suppression of a public statistics table, primary and complementary.

A cell below the threshold is hidden ("primary"). Because the table's totals stay exact, a
line (a row, or a column together with the subtotal it sums to) that hides only one cell gives
that cell away by subtraction: 70–74 has 23 people, 20 of them men → 3 women. So whenever a
line hides exactly one cell we also hide the smallest other cell of that line
("complementary"), and repeat until no line hides exactly one cell.

The grid is the table without its exact Total row:
    rows 0..n-1   the code rows            [men, women, both]
    row  n        "belum mengisi"           [men, women, both]
    row  n+1      "jumlah" (sum of 0..n-1)  [men, women, both]
and its lines (each a set of cells tied by one equation whose other terms are shown):
    every row:            men + women = both
    every column:         code rows 0..n-1 add up to the "jumlah" cell
    every column:         "jumlah" + "belum mengisi" = Total (shown, exact)
"""

from __future__ import annotations

SHOWN, PRIMARY, COMPLEMENTARY = 0, 1, 2

Pos = tuple[int, int]


def grid_lines(n_codes: int) -> list[list[Pos]]:
    """Every line of a table with n_codes code rows (see the module docstring)."""
    unfilled, subtotal = n_codes, n_codes + 1
    lines = [[(r, 0), (r, 1), (r, 2)] for r in range(n_codes + 2)]
    for c in range(3):
        lines.append([*((r, c) for r in range(n_codes)), (subtotal, c)])
        lines.append([(unfilled, c), (subtotal, c)])
    return lines


def suppress(grid: list[list[int]], threshold: int) -> list[list[int]]:
    """SHOWN / PRIMARY / COMPLEMENTARY for every cell of `grid` (layout as above: code rows,
    then "belum mengisi", then "jumlah"). Zero is never primary: an empty cell says nothing."""
    n_codes = len(grid) - 2
    marks = [
        [PRIMARY if r <= n_codes and 0 < v < threshold else SHOWN for v in row]
        for r, row in enumerate(grid)
    ]
    lines = grid_lines(n_codes)
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [p for p in line if marks[p[0]][p[1]]]
            if len(hidden) != 1:
                continue
            shown = [p for p in line if not marks[p[0]][p[1]]]
            # The smallest non-empty cell costs readers least; an empty one only if nothing else.
            r, c = min(shown, key=lambda p: (grid[p[0]][p[1]] == 0, grid[p[0]][p[1]]))
            marks[r][c] = COMPLEMENTARY
            changed = True
    return marks
