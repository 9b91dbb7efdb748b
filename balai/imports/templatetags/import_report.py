"""The import report's problem lists, grouped by row: one line per spreadsheet row naming each
faulty column and what is wrong with it, instead of one entry per problem (a row with three
mistakes is one line to fix, not three cards to scroll past on a phone)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import template

register = template.Library()


@register.filter
def by_row(issues: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """[[row, column, reason], …] in sheet and row order (as `Issues.rows` writes them) →
    [{"number": row, "problems": [(column, reason), …]}, …]. A column on a later sheet reads
    "Sheet!column": rows of two sheets with the same number stay apart."""
    groups: list[dict[str, Any]] = []
    last: tuple[Any, str] | None = None
    for number, column, reason in issues:
        sheet = str(column).split("!", 1)[0] if "!" in str(column) else ""
        key = (number, sheet)
        if key != last or not number:  # problems of the whole file are never merged
            groups.append({"number": number, "problems": []})
            last = key
        groups[-1]["problems"].append((column, reason))
    return groups
