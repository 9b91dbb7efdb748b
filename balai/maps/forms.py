"""Forms of the maps module: boundary and area files, points, potential, the district's map
settings and its load of every desa's boundary."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.lib.coordinates import CoordinateField, point_clean
from balai.lib.upload_forms import clean_image, upload_field
from balai.maps.models import MapArea, MapSettings, Place, Potential

MAP_FILE_ACCEPT = ".geojson,.json,.kml,.kmz,.zip"
MAP_FILE_HINT = gettext_lazy(
    "GeoJSON, KML, KMZ, atau shapefile dalam satu zip (.shp, .shx, .dbf, .prj), dalam WGS 84 "
    "(derajat bujur dan lintang), paling besar 30 MB."
)


def map_file_field(label: Any) -> forms.FileField:
    return forms.FileField(
        label=label,
        help_text=MAP_FILE_HINT,
        widget=forms.ClearableFileInput(attrs={"accept": MAP_FILE_ACCEPT}),
        error_messages={"required": gettext_lazy("Pilih berkas peta yang akan diunggah.")},
    )


class BoundaryForm(forms.Form):
    file = map_file_field(gettext_lazy("Berkas batas desa"))


class AreaForm(forms.Form):
    file = map_file_field(gettext_lazy("Berkas wilayah dusun atau RW"))
    kind = forms.ChoiceField(label=gettext_lazy("Jenis wilayah"), choices=MapArea.Kind.choices)
    name_property = forms.CharField(
        label=gettext_lazy("Kolom nama (opsional)"),
        max_length=60,
        required=False,
        help_text=gettext_lazy(
            "Kolom yang berisi nama tiap wilayah. Kosongkan untuk memakai kolom nama, name atau "
            "NAMOBJ."
        ),
    )


def _alt_required(form: forms.ModelForm) -> None:
    has_photo = form.cleaned_data.get("photo_upload") or form.instance.photo
    if has_photo and not (form.cleaned_data.get("photo_alt") or "").strip():
        form.add_error("photo_alt", _("Tulis apa yang tampak di foto, untuk pembaca layar."))


class PlaceForm(forms.ModelForm):
    latitude = CoordinateField(
        axis="lat",
        label=gettext_lazy("Lintang (latitude)"),
        help_text=gettext_lazy(
            "Misalnya -7.301234, atau tempel pasangan “-7.3051, 109.3685” dari Google Maps."
        ),
    )
    longitude = CoordinateField(axis="lng", label=gettext_lazy("Bujur (longitude)"))
    photo_upload = upload_field(gettext_lazy("Foto (opsional)"), clearable=False)

    class Meta:
        model = Place
        fields = ["name", "category", "latitude", "longitude", "description", "photo_alt"]

    def clean_photo_upload(self) -> Any:
        return clean_image(self.cleaned_data.get("photo_upload"), max_side=800)

    def clean(self) -> dict[str, Any]:
        super().clean()
        village = self.instance.village if self.instance.village_id else None
        point_clean(self, near=village.office_point if village else None)
        data = self.cleaned_data
        if "latitude" in data and data.get("latitude") is None and not self.has_error("latitude"):
            self.add_error("latitude", _("Isi lintang dan bujur tempat ini."))
        _alt_required(self)
        return data


class PotentialForm(forms.ModelForm):
    photo_upload = upload_field(gettext_lazy("Foto (opsional)"), clearable=False)

    class Meta:
        model = Potential
        fields = ["kind", "name", "figure", "description", "photo_alt", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_photo_upload(self) -> Any:
        return clean_image(self.cleaned_data.get("photo_upload"), max_side=1200)

    def clean(self) -> dict[str, Any]:
        super().clean()
        _alt_required(self)
        return self.cleaned_data


_TILE = re.compile(r"^https://[a-z0-9.{}-]+(?::\d+)?/[^\s\"'<>]*$", re.IGNORECASE)


class MapSettingsForm(forms.ModelForm):
    class Meta:
        model = MapSettings
        fields = ["west", "south", "east", "north", "tile_url", "tile_attribution"]

    def clean_tile_url(self) -> str:
        url = self.cleaned_data["tile_url"].strip()
        if not url:
            return ""
        if not _TILE.match(url) or not all(p in url for p in ("{z}", "{x}", "{y}")):
            raise forms.ValidationError(
                _(
                    "Tulis alamat https dengan {z}, {x} dan {y}, misalnya "
                    "https://tile.openstreetmap.org/{z}/{x}/{y}.png."
                )
            )
        return url

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        bounds = [data.get(k) for k in ("west", "south", "east", "north")]
        if any(b is None for b in bounds):
            return data
        west, south, east, north = (float(b) for b in bounds)  # type: ignore[arg-type]
        if not (-180 <= west < east <= 180) or not (-90 <= south < north <= 90):
            self.add_error(
                "west",
                _("Batas barat harus lebih kecil dari timur, dan selatan lebih kecil dari utara."),
            )
        elif east - west > 5 or north - south > 5:
            self.add_error(
                "west", _("Wilayah kabupaten selebar itu pasti salah; periksa angkanya.")
            )
        return data


def tile_origins(url: str) -> str:
    """The origins the CSP must allow for the tiles ({s} is Leaflet's a, b, c subdomains)."""
    netloc = urlsplit(url).netloc
    if not netloc:
        return ""
    hosts = [netloc.replace("{s}", s) for s in "abc"] if "{s}" in netloc else [netloc]
    return " ".join(f"https://{h}" for h in hosts)


class BulkLoadForm(forms.Form):
    file = map_file_field(gettext_lazy("Berkas batas semua desa"))
    key_property = forms.CharField(
        label=gettext_lazy("Kolom kode desa"),
        max_length=60,
        initial="kode_desa",
        help_text=gettext_lazy(
            "Kolom yang berisi kode Kemendagri tiap desa, misalnya kode_desa, KDEPUM atau kode. "
            "Kode boleh bertitik (33.03.01.2001) atau tidak (3303012001)."
        ),
    )
