"""A small Indonesian stemmer for the SQLite search index (PostgreSQL uses its own
`indonesian` Snowball configuration; both strip the same affixes, so "membangun" and
"pembangunan" meet at "bangun").

Affix stripping in the spirit of Nazief–Adriani, without a root-word dictionary: particles
(-lah, -kah, -pun), possessives (-nya, -ku, -mu), then derivational suffixes (-kan, -an, -i),
then up to two prefixes, recoding the nasal that swallowed a root's first letter
(menulis → tulis, memukul → pukul, menyapu → sapu, mengirim → kirim).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[0-9a-z]+")
_VOWELS = set("aeiou")
MIN_STEM = 3


def _vowel_count(word: str) -> int:
    return sum(1 for ch in word if ch in _VOWELS)


def _ok(stem: str) -> bool:
    # A stem keeps at least one vowel and three letters, so short words stay whole.
    return len(stem) >= MIN_STEM and _vowel_count(stem) >= 1


def _strip_suffixes(word: str) -> str:
    for group in (("lah", "kah", "pun"), ("nya", "ku", "mu")):
        for suffix in group:
            if word.endswith(suffix) and _ok(word[: -len(suffix)]):
                word = word[: -len(suffix)]
                break
    for suffix in ("kan", "an", "i"):
        if word.endswith(suffix) and _ok(word[: -len(suffix)]):
            return word[: -len(suffix)]
    return word


def _strip_prefix(word: str) -> tuple[str, bool]:
    """One prefix off, or the word unchanged and False."""
    rules: tuple[tuple[str, str], ...] = (
        ("meny", "s"),
        ("peny", "s"),
        ("meng", ""),
        ("peng", ""),
        ("mem", "p"),
        ("pem", "p"),
        ("men", "t"),
        ("pen", "t"),
        ("ber", ""),
        ("ter", ""),
        ("per", ""),
        ("me", ""),
        ("pe", ""),
        ("di", ""),
        ("ke", ""),
        ("se", ""),
    )
    for prefix, recode in rules:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        if not _ok(rest):
            continue
        if prefix in ("mem", "pem") and rest[0] in "bfv":
            return rest, True  # membangun → bangun
        if prefix in ("men", "pen") and rest[0] in "cdjz":
            return rest, True  # mendengar → dengar
        if prefix in ("meng", "peng") and rest[0] in _VOWELS and len(rest) > 4:
            return rest, True  # mengambil → ambil
        if prefix in ("meng", "peng"):
            return rest, True
        if recode and rest[0] in _VOWELS:
            return recode + rest, True  # menulis → tulis, memukul → pukul, menyapu → sapu
        if prefix in ("mem", "pem", "men", "pen", "meny", "peny"):
            return rest, True
        return rest, True
    return word, False


def stem(word: str) -> str:
    word = word.lower()
    if len(word) <= 4 or not word.isalpha():
        return word
    word = _strip_suffixes(word)
    for _ in range(2):
        word, stripped = _strip_prefix(word)
        if not stripped:
            break
    return word


def stem_text(text: str) -> str:
    """Every word of `text`, stemmed, joined by spaces: what goes into the FTS5 index."""
    return " ".join(stem(w) for w in _WORD.findall((text or "").lower()))
