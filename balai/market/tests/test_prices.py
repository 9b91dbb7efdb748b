from __future__ import annotations

import pytest

from balai.market.prices import Price, PriceError, parse_price, price_input, price_label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 150.000", Price(150000, None, False)),
        ("Rp150.000,-", Price(150000, None, False)),
        ("150rb", Price(150000, None, False)),
        ("150 ribu", Price(150000, None, False)),
        ("1,5jt", Price(1500000, None, False)),
        ("1.5 juta", Price(1500000, None, False)),
        ("150-200rb", Price(150000, 200000, False)),
        ("Rp 150.000 - Rp 200.000", Price(150000, 200000, False)),
        ("2jt s.d. 3jt", Price(2000000, 3000000, False)),
        ("harga nego", Price(None, None, True)),
        ("Rp 150.000 nego", Price(150000, None, True)),
        ("", Price(None, None, False)),
    ],
)
def test_prices_are_read_the_way_sellers_write_them(text, expected):
    if expected is None:
        with pytest.raises(PriceError):
            parse_price(text)
    else:
        assert parse_price(text) == expected


@pytest.mark.parametrize("text", ["abc", "-5000", "Rp -5.000", "1,5,3jt", "99999999999999"])
def test_prices_that_are_not_numbers_are_refused_in_plain_words(text):
    with pytest.raises(PriceError) as exc:
        parse_price(text)
    assert str(exc.value)


def test_prices_are_shown_the_indonesian_way():
    assert price_label(1250000, None, False) == "Rp 1.250.000"
    assert price_label(150000, 200000, False) == "Rp 150.000 – Rp 200.000"
    assert price_label(None, None, True) == "Harga nego"
    assert price_input(150000, 200000, True) == "Rp 150.000 - Rp 200.000 nego"
    assert parse_price(price_input(150000, 200000, True)) == Price(150000, 200000, True)
