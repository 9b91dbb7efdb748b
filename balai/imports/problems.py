"""What can be wrong with an uploaded file before any of its rows is looked at.

Framework-free (the reader child process imports it without Django): a problem is a code and
its parameters; `balai.imports.messages` turns it into the Indonesian sentence the admin reads.
"""

from __future__ import annotations


class FileProblem(Exception):
    """The whole file is refused. `code` names the problem; `params` fill its message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, 16383 → XFD."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A → 0, XFD → 16383."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def cell_name(row: int, col: int) -> str:
    """(0, 0) → A1: zero-based row and column, as spreadsheets name cells."""
    return f"{column_letters(col)}{row + 1}"
