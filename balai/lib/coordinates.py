"""Map coordinates as people paste them: the "lat, lng" pair Google Maps copies ("-7.3051,
109.3685"), degrees with a sign ("-7.3051°"), degrees-minutes-seconds ("7°18'18.4"S 109°22'06.6"E"),
the Indonesian way ("7,3051 LS", "109,3685 BT"), or a maps link with the point in it.

A latitude or longitude field may receive a single number or the whole pair (people paste the
pair into the first field); `CoordinateField` returns either, and `point_clean` — called from
the form's clean() — spreads a pair over both fields, requires both or neither, and checks the
point lies in Indonesia (and, when the form knows a reference point such as the village office,
near it). Errors are plain Indonesian sentences saying what to fix.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SIX_PLACES = Decimal("0.000001")

# Indonesia's extent with a margin (Weh island ~5.9 N, Rote ~11.0 S, Aceh ~95.0 E, Merauke
# ~141.0 E): a point outside is a typo, a missing minus sign or swapped numbers.
INDONESIA = (Decimal("-11.5"), Decimal("6.5"), Decimal("94.5"), Decimal("141.5"))

_HEMISPHERES = {
    "N": ("lat", 1),
    "LU": ("lat", 1),
    "S": ("lat", -1),
    "LS": ("lat", -1),
    "E": ("lng", 1),
    "BT": ("lng", 1),
    "W": ("lng", -1),
    "BB": ("lng", -1),
}
_NUMBER = r"\d+(?:[.,]\d+)?"
_HEMI = r"LU|LS|BT|BB|N|S|E|W"
_COMPONENT = re.compile(
    rf"(?P<pre>{_HEMI})?\s*(?P<sign>[-+])?\s*(?P<deg>{_NUMBER})\s*(?P<degmark>°)?"
    rf"(?:\s*(?P<min>{_NUMBER})\s*')?(?:\s*(?P<sec>{_NUMBER})\s*\")?"
    rf"(?(pre)|(?:\s*(?P<post>{_HEMI})(?![A-Z]))?)",
)
_SEPARATOR = re.compile(r"[\s,;/]*")
# A maps link: ".../@-7.3051,109.3685,17z", "?q=-7.3051,109.3685", "geo:-7.3051,109.3685".
_IN_LINK = re.compile(r"(?:@|[?&](?:q|query|ll)=|geo:)(-?\d+\.\d+),\s*(-?\d+\.\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    """One number of a coordinate; axis is known only when a hemisphere letter came with it."""

    value: Decimal
    axis: str | None = None


def _normalise(text: str) -> str:
    text = text.strip().upper()
    for old, new in (
        ("−", "-"),
        ("–", "-"),
        ("º", "°"),
        ("˚", "°"),
        ("′", "'"),
        ("’", "'"),
        ("‘", "'"),
        ("″", '"'),
        ("”", '"'),
        ("“", '"'),
        ("''", '"'),
        ("(", " "),
        (")", " "),
    ):
        text = text.replace(old, new)
    return text


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _component(match: re.Match[str]) -> Component:
    pre, post = match["pre"], match["post"]
    if pre and post:
        raise ValueError("two hemispheres")
    axis, sign = _HEMISPHERES.get(pre or post or "", (None, 1))
    degrees = _number(match["deg"])
    minutes = _number(match["min"]) if match["min"] else Decimal(0)
    seconds = _number(match["sec"]) if match["sec"] else Decimal(0)
    if minutes >= 60 or seconds >= 60:
        raise ValueError("minutes or seconds of 60 or more")
    if (minutes or seconds) and degrees != degrees.to_integral_value():
        raise ValueError("decimal degrees with minutes")
    value = degrees + minutes / 60 + seconds / 3600
    if match["sign"] == "-":
        if axis is not None:  # "-7.3 S" says south twice, or contradicts itself: refuse both
            raise ValueError("sign and hemisphere")
        sign = -1
    return Component((sign * value).quantize(SIX_PLACES), axis)


def coordinates_parse(text: str) -> list[Component]:
    """The one or two numbers in `text`, or ValueError when it holds anything else."""
    text = _normalise(text)
    link = _IN_LINK.search(text)
    if link:
        return [Component(_number(n).quantize(SIX_PLACES)) for n in link.groups()]
    found, pos = [], 0
    while pos < len(text):
        pos = _SEPARATOR.match(text, pos).end()  # type: ignore[union-attr]
        if pos == len(text):
            break
        match = _COMPONENT.match(text, pos)
        if match is None or match.end() == pos:
            raise ValueError(f"unreadable at {pos}")
        found.append(_component(match))
        pos = match.end()
    if not 1 <= len(found) <= 2:
        raise ValueError("one or two numbers expected")
    return found


def _bad_text() -> ValidationError:
    return ValidationError(
        _(
            "Tulis angka seperti -7.3051, atau tempel pasangan dari Google Maps seperti "
            "“-7.3051, 109.3685”."
        ),
        code="invalid",
    )


@dataclass(frozen=True)
class Pair:
    """A whole "lat, lng" pair pasted into one of the two fields."""

    latitude: Decimal
    longitude: Decimal


def pair_from(components: list[Component]) -> Pair:
    first, second = components
    if first.axis == "lng" or second.axis == "lat":  # "109.3 BT, 7.3 LS": letters say the order
        first, second = second, first
    if first.axis == second.axis and first.axis is not None:
        raise _bad_text()
    return Pair(first.value, second.value)


class CoordinateField(forms.CharField):
    """A latitude (axis "lat") or longitude ("lng") field that also takes the whole pair.
    Cleans to a Decimal, a Pair (spread over both fields by point_clean) or None."""

    def __init__(self, *, axis: str, **kwargs: Any) -> None:
        self.axis = axis
        kwargs.setdefault("required", False)
        super().__init__(max_length=200, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        return value

    def clean(self, value: Any) -> Decimal | Pair | None:
        text = (super().clean(value) or "").strip()
        if not text:
            return None
        try:
            components = coordinates_parse(text)
        except (ValueError, InvalidOperation) as exc:
            raise _bad_text() from exc
        if len(components) == 2:
            return pair_from(components)
        component = components[0]
        if component.axis is not None and component.axis != self.axis:
            raise ValidationError(
                _("Angka ini lintang (LU/LS), bukan bujur.")
                if component.axis == "lat"
                else _("Angka ini bujur (BT/BB), bukan lintang.")
            )
        limit = 90 if self.axis == "lat" else 180
        west, east = INDONESIA[2:]
        if self.axis == "lat" and west <= component.value <= east:
            raise ValidationError(
                _(
                    "Angka ini tampaknya bujur: lintang dan bujur tertukar? Lintang ditulis "
                    "lebih dulu, di Jawa sekitar -6 sampai -8."
                )
            )
        if not -limit <= component.value <= limit:
            raise ValidationError(
                _("Lintang harus antara -90 dan 90.")
                if self.axis == "lat"
                else _("Bujur harus antara -180 dan 180.")
            )
        return component.value


def distance_km(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> float:
    """Great-circle distance (haversine), good to a few metres at village scale."""
    lat1, lng1, lat2, lng2 = (math.radians(float(v)) for v in (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _outside_indonesia(lat: Decimal, lng: Decimal) -> str:
    south, north, west, east = INDONESIA
    inside = south <= lat <= north and west <= lng <= east
    if inside:
        return ""
    point = {"lat": _decimal_text(lat), "lng": _decimal_text(lng)}
    if south <= -lat <= north and west <= lng <= east:
        return (
            _(
                "Titik %(lat)s, %(lng)s ada di luar Indonesia. Lintang di selatan khatulistiwa "
                "memakai tanda minus, misalnya -%(lat)s."
            )
            % point
        )
    if south <= lng <= north and west <= lat <= east:
        return (
            _(
                "Titik %(lat)s, %(lng)s ada di luar Indonesia: lintang dan bujur tampaknya "
                "tertukar. Lintang (sekitar -6 sampai -8 di Jawa) ditulis lebih dulu."
            )
            % point
        )
    return _("Titik %(lat)s, %(lng)s ada di luar Indonesia. Periksa lagi angkanya.") % point


def point_clean(
    form: forms.BaseForm,
    *,
    near: tuple[Decimal, Decimal] | None = None,
    within_km: float = 30,
    lat_name: str = "latitude",
    lng_name: str = "longitude",
) -> None:
    """Spread a pasted pair over both fields, then check the point as a whole. Call from the
    form's clean(); adds errors to the latitude field and leaves two Decimals (or two Nones)."""
    data = form.cleaned_data
    if lat_name not in data or lng_name not in data:
        return  # a field error already says what is wrong
    lat, lng = data[lat_name], data[lng_name]
    pairs = [v for v in (lat, lng) if isinstance(v, Pair)]
    if pairs:
        if len(pairs) == 2 and pairs[0] != pairs[1]:
            form.add_error(lng_name, _("Tempel pasangan lintang, bujur di satu kolom saja."))
            return
        pair = pairs[0]
        lat, lng = pair.latitude, pair.longitude
    data[lat_name], data[lng_name] = lat, lng
    if lat is None and lng is None:
        return
    if lat is None or lng is None:
        form.add_error(
            lat_name if lat is None else lng_name,
            _("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."),
        )
        return
    problem = _outside_indonesia(lat, lng)
    if not problem and near is not None:
        km = distance_km((lat, lng), near)
        if km > within_km:
            problem = _(
                "Titik ini berjarak %(km)s km dari kantor desa. Periksa lagi angkanya, atau "
                "pakai tombol “Pakai lokasi saya” saat berada di tempat itu."
            ) % {"km": f"{km:,.0f}".replace(",", ".")}
    if problem:
        form.add_error(lat_name, problem)
