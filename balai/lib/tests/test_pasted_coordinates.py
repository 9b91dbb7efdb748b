"""Coordinates are read the way people paste them (Google Maps pairs, degrees, LS/BT), and bad
input gets a sentence saying what to fix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms

from balai.lib.coordinates import CoordinateField, Pair, coordinates_parse, point_clean

LAT, LNG = Decimal("-7.305100"), Decimal("109.368500")
DMS_LAT, DMS_LNG = Decimal("-7.305111"), Decimal("109.368500")


@pytest.mark.parametrize(
    "text",
    [
        "-7.3051, 109.3685",
        "-7.3051,109.3685",
        "-7.3051 109.3685",
        "  -7.3051 ,  109.3685  ",
        "-7.3051°, 109.3685°",
        "(-7.3051, 109.3685)",
        "-7,3051, 109,3685",
        "-7,3051 109,3685",
        "-7,3051; 109,3685",
        "−7.3051, 109.3685",  # a typographic minus from a word processor
        "7.3051° S, 109.3685° E",
        "7.3051°S 109.3685°E",
        "7,3051 LS 109,3685 BT",
        "LS 7,3051; BT 109,3685",
        "109,3685 BT, 7,3051 LS",  # the letters say which is which
        "https://www.google.com/maps/place/Balai+Desa/@-7.3051,109.3685,17z/data=!3m1!4b1",
        "https://maps.google.com/?q=-7.3051,109.3685",
        "geo:-7.3051,109.3685",
    ],
)
def test_a_pasted_pair_is_read_as_latitude_then_longitude(text):
    field = CoordinateField(axis="lat")
    assert field.clean(text) == Pair(LAT, LNG)


@pytest.mark.parametrize(
    "text",
    [
        "7°18'18.4\"S 109°22'06.6\"E",
        "7° 18′ 18.4″ S, 109° 22′ 6.6″ E",
        "7°18'18.4''S 109°22'06.6''E",
        "S 7°18'18.4\" E 109°22'6.6\"",
    ],
)
def test_degrees_minutes_seconds_as_google_maps_shows_them(text):
    assert CoordinateField(axis="lng").clean(text) == Pair(DMS_LAT, DMS_LNG)


@pytest.mark.parametrize(
    "text,axis,value",
    [
        ("-7.3051", "lat", LAT),
        ("-7,3051", "lat", LAT),
        ("-7.3051°", "lat", LAT),
        ("7,3051 LS", "lat", LAT),
        ("7.3051 S", "lat", LAT),
        ("109.3685", "lng", LNG),
        ("109,3685 BT", "lng", LNG),
        ("109.3685° E", "lng", LNG),
        ("-7.30512345", "lat", Decimal("-7.305123")),
    ],
)
def test_a_single_number_stays_a_single_number(text, axis, value):
    assert CoordinateField(axis=axis).clean(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "-7.3051 x",
        "Balai desa",
        "-7.3051, 109.3685, 12",
        "7°61'S",
        "7°18'75\"S",
        "7.5°18'S",
        "-7.3 S",
        "7 LS 109 LS",
        "--7.3",
        "7.3.5",
    ],
)
def test_text_that_is_not_a_coordinate_is_refused_with_an_example(text):
    with pytest.raises(forms.ValidationError) as exc:
        CoordinateField(axis="lat").clean(text)
    assert "-7.3051, 109.3685" in exc.value.messages[0]


def test_a_longitude_in_the_latitude_field_is_named():
    with pytest.raises(forms.ValidationError) as exc:
        CoordinateField(axis="lat").clean("109,3685 BT")
    assert exc.value.messages == ["Angka ini bujur (BT/BB), bukan lintang."]


def test_a_latitude_beyond_ninety_is_refused():
    with pytest.raises(forms.ValidationError) as exc:
        CoordinateField(axis="lat").clean("200")
    assert exc.value.messages == ["Lintang harus antara -90 dan 90."]


def test_the_parser_keeps_what_the_letters_say():
    assert [c.axis for c in coordinates_parse("7 LS 109 BT")] == ["lat", "lng"]
    assert [c.axis for c in coordinates_parse("-7, 109")] == [None, None]


class PointForm(forms.Form):
    latitude = CoordinateField(axis="lat")
    longitude = CoordinateField(axis="lng")

    def __init__(self, *args, near=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.near = near

    def clean(self):
        point_clean(self, near=self.near)
        return self.cleaned_data


def _point(latitude="", longitude="", near=None):
    form = PointForm({"latitude": latitude, "longitude": longitude}, near=near)
    valid = form.is_valid()
    return valid, form


@pytest.mark.parametrize(
    "latitude,longitude",
    [
        ("-7.3051, 109.3685", ""),
        ("-7.3051, 109.3685", "110.5"),  # the pasted pair replaces an old longitude
        ("", "-7.3051, 109.3685"),
        ("-7.3051, 109.3685", "-7.3051, 109.3685"),
        ("-7.3051", "109.3685"),
    ],
)
def test_a_pair_pasted_in_either_field_fills_both(latitude, longitude):
    valid, form = _point(latitude, longitude)
    assert valid, form.errors
    assert (form.cleaned_data["latitude"], form.cleaned_data["longitude"]) == (LAT, LNG)


def test_both_empty_is_no_point():
    valid, form = _point()
    assert valid and form.cleaned_data == {"latitude": None, "longitude": None}


def test_one_number_without_the_other_is_refused():
    valid, form = _point("-7.3051", "")
    assert not valid
    assert form.errors["longitude"] == [
        "Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."
    ]


def test_two_different_pairs_are_refused():
    valid, form = _point("-7.3051, 109.3685", "-7.4, 109.2")
    assert not valid
    assert "satu kolom saja" in form.errors["longitude"][0]


def test_a_missing_minus_sign_is_explained():
    valid, form = _point("7.3051, 109.3685")
    assert not valid
    message = form.errors["latitude"][0]
    assert "di luar Indonesia" in message and "-7.3051" in message


@pytest.mark.parametrize("latitude,longitude", [("109.3685", "-7.3051"), ("109.3685, -7.3051", "")])
def test_swapped_numbers_are_explained(latitude, longitude):
    valid, form = _point(latitude, longitude)
    assert not valid
    assert "tertukar" in form.errors["latitude"][0]


def test_a_point_abroad_is_refused():
    valid, form = _point("48.8584, 2.2945")  # Paris
    assert not valid
    assert "di luar Indonesia" in form.errors["latitude"][0]


def test_a_point_far_from_the_village_office_is_refused():
    office = (Decimal("-7.3051"), Decimal("109.3685"))
    valid, form = _point("-6.2088, 106.8456", near=office)  # Jakarta
    assert not valid
    assert "km dari kantor desa" in form.errors["latitude"][0]
    valid, form = _point("-7.3120, 109.3750", near=office)  # a kilometre away
    assert valid, form.errors
