"""Plain-text helpers that know no domain."""

from __future__ import annotations

# Month names as Indonesian letters and notices write dates ("17 Agustus 2026"), whatever
# the visitor's language: a letter is an Indonesian document.
MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def excerpt(text: str, limit: int = 90) -> str:
    """One line of at most `limit` characters: whitespace folded, cut at a word with "…"."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"
