"""Indonesian amounts as villages type them."""

from __future__ import annotations

import pytest

from balai.lib.numbers import AmountError, parse_rupiah, percent, rupiah, short_rupiah


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 1.250.000,00", 1_250_000),
        ("Rp1.250.000", 1_250_000),
        ("1250000", 1_250_000),
        ("1.250.000", 1_250_000),
        ("1,250,000.00", 1_250_000),
        ("IDR 5.000", 5_000),
        (1_250_000.0, 1_250_000),
        (750, 750),
        ("", None),
        ("-", None),
        (None, None),
    ],
)
def test_amounts_in_indonesian_formats_are_read(text, expected):
    assert parse_rupiah(text) == expected


@pytest.mark.parametrize("text", ["satu juta", "Rp 1.250.000,50", "-5.000", "(5.000)", 12.5, "1,5"])
def test_text_negative_and_fractions_are_refused(text):
    with pytest.raises(AmountError):
        parse_rupiah(text)


def test_amounts_are_written_the_indonesian_way():
    assert rupiah(1_250_000) == "Rp 1.250.000"
    assert short_rupiah(1_250_000_000) == "Rp 1,25 M"
    assert short_rupiah(850_000_000) == "Rp 850 jt"
    assert percent(1, 8) == "12,5%"
    assert percent(1, 0) == "–"
