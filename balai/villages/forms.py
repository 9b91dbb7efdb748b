"""Dashboard forms. Uploads are checked by their bytes and re-encoded inside clean(), so a bad
file makes the form invalid before anything is written."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.lib.coordinates import CoordinateField, point_clean
from balai.lib.upload_forms import clean_image, upload_field
from balai.villages.colors import MIN_CONTRAST, contrast_with_white
from balai.villages.models import Official, Page, Village, color_validator


class ProfileForm(forms.ModelForm):
    latitude = CoordinateField(
        axis="lat",
        label=gettext_lazy("Lintang (latitude)"),
        help_text=gettext_lazy(
            "Misalnya -7.301234. Boleh tempel pasangan “-7.3051, 109.3685” dari Google Maps."
        ),
    )
    longitude = CoordinateField(
        axis="lng",
        label=gettext_lazy("Bujur (longitude)"),
        help_text=gettext_lazy("Misalnya 109.365678."),
    )

    class Meta:
        model = Village
        fields = [
            "tagline",
            "history",
            "vision",
            "mission",
            "office_address",
            "latitude",
            "longitude",
            "phone",
            "email",
            "office_hours",
        ]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "office_address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "history": forms.Textarea(attrs={"rows": 8}),
            "vision": forms.Textarea(attrs={"rows": 3}),
            "mission": forms.Textarea(attrs={"rows": 6}),
            "office_hours": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        point_clean(self)
        return self.cleaned_data


class LookForm(forms.Form):
    primary_color = forms.CharField(
        label=gettext_lazy("Warna utama"),
        help_text=gettext_lazy(
            "Dipakai untuk kepala situs dan tombol. Tulisan putih harus terbaca."
        ),
        validators=[color_validator],
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    logo = upload_field(gettext_lazy("Logo desa"), extra=gettext_lazy("Dipotong persegi."))
    remove_logo = forms.BooleanField(label=gettext_lazy("Hapus logo"), required=False)

    def clean_primary_color(self) -> str:
        color = self.cleaned_data["primary_color"].lower()
        ratio = contrast_with_white(color)
        if ratio < MIN_CONTRAST:
            raise ValidationError(
                _(
                    "Warna ini terlalu terang: tulisan putih di atasnya sulit dibaca "
                    "(kontras %(ratio)s:1, paling sedikit 4,5:1). Pilih warna yang lebih gelap."
                )
                % {"ratio": f"{ratio:.1f}".replace(".", ",")}
            )
        return color

    def clean_logo(self):
        return clean_image(self.cleaned_data.get("logo"), max_side=512, square=True)


class OfficialForm(forms.ModelForm):
    photo = upload_field(
        gettext_lazy("Foto"), extra=gettext_lazy("Ambil dengan kamera atau pilih dari galeri.")
    )
    remove_photo = forms.BooleanField(label=gettext_lazy("Hapus foto"), required=False)

    class Meta:
        model = Official
        fields = ["name", "position"]
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "off"})}

    def clean_photo(self):
        return clean_image(self.cleaned_data.get("photo"), max_side=600, square=True)


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "slug", "body", "is_published"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}
        help_texts = {
            "slug": gettext_lazy("Bagian akhir alamat halaman. Kosongkan untuk dibuat dari judul."),
            "body": gettext_lazy(
                "Pisahkan paragraf dengan baris kosong. Boleh memakai <strong>, <em>, <a href>, "
                "<h2>, <h3>, daftar <ul>/<ol> dan <blockquote>."
            ),
            "is_published": gettext_lazy("Halaman tayang tampil di menu situs desa."),
        }

    def __init__(self, *args: Any, village: Village, **kwargs: Any) -> None:
        self.village = village
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        typed = (self.cleaned_data.get("slug") or "").lower()
        slug = (typed or slugify(self.data.get("title", ""))[:80]).strip("-") or "halaman"
        taken = Page.objects.for_village(self.village).filter(slug=slug)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Alamat ini sudah dipakai halaman lain. Pilih alamat lain."))
        return slug
