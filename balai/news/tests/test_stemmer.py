"""The small Indonesian stemmer puts a word and its derived forms on the same stem."""

from __future__ import annotations

import pytest

from balai.news.stemmer import stem, stem_text


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("membangun", "bangun"),
        ("pembangunan", "bangun"),
        ("dibangun", "bangun"),
        ("pembangunannya", "bangun"),
        ("menulis", "tulis"),
        ("memukul", "pukul"),
        ("menyapu", "sapu"),
        ("dijual", "jual"),
        ("pertanian", "tani"),
        ("pelatihan", "latih"),
        ("keuangan", "uang"),
        ("desa", "desa"),
        ("batik", "batik"),
    ],
)
def test_a_derived_word_is_reduced_to_its_root(word, expected):
    assert stem(word) == expected


def test_short_words_and_numbers_are_left_alone():
    assert stem_text("RT 03 dan RW 2026") == "rt 03 dan rw 2026"


def test_text_is_lowercased_and_punctuation_dropped():
    assert stem_text("Pembangunan, Jalan!") == "bangun " + stem("jalan")
