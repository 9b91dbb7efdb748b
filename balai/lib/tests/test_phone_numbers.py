from __future__ import annotations

import pytest

from balai.lib.phone import normalize_whatsapp


@pytest.mark.parametrize(
    "typed",
    ["081234567890", "0812-3456-7890", "+62 812 3456 7890", "62812 3456 7890", "(0812) 3456.7890"],
)
def test_the_ways_people_type_a_mobile_number_are_all_understood(typed):
    assert normalize_whatsapp(typed) == "+6281234567890"


@pytest.mark.parametrize("typed", ["", "0281 891234", "12345", "08abc", "+1 555 123 4567", "0812"])
def test_landlines_short_and_foreign_numbers_are_not_whatsapp_numbers(typed):
    assert normalize_whatsapp(typed) is None
