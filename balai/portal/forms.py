"""Forms of the district dashboard. Messages are plain Indonesian, said beside the field."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from balai.accounts.models import User
from balai.regions.selectors import kecamatan_list
from balai.villages.models import Village, VillageDomain

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def _existing_user(email: str) -> User:
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise forms.ValidationError(
            _("Belum ada akun dengan email ini. Buat akunnya dulu di halaman Pengguna.")
        )
    return user


class VillageStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Ubah status menjadi"), choices=Village.Status.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Alasan penangguhan"),
        max_length=200,
        required=False,
        help_text=_("Wajib jika situs ditangguhkan. Alasan ini tampil di situs desa."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("status") == Village.Status.SUSPENDED and not data.get("reason", "").strip():
            self.add_error("reason", _("Tulis alasan penangguhan."))
        return data


class MentorForm(forms.Form):
    email = forms.EmailField(
        label=_("Email pendamping"),
        help_text=_("Orang ini harus sudah punya akun di Balai."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def clean_email(self) -> User:
        return _existing_user(self.cleaned_data["email"])


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Domain"),
        max_length=253,
        help_text=_("Misalnya dagan.desa.id, tanpa http:// dan tanpa garis miring."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )

    def clean_domain(self) -> str:
        domain = self.cleaned_data["domain"].strip().lower().rstrip(".")
        labels = domain.split(".")
        valid = (
            len(labels) >= 2
            and all(_LABEL.match(label) for label in labels)
            and labels[-1].isalpha()
            and len(labels[-1]) >= 2
        )
        if not valid:
            raise forms.ValidationError(
                _("Tulis nama domain yang sah, misalnya dagan.desa.id (tanpa http:// dan spasi).")
            )
        district = settings.DISTRICT_DOMAIN.lower()
        if domain == district or domain.endswith("." + district):
            raise forms.ValidationError(
                _("Domain kabupaten dan subdomainnya sudah dilayani Balai; tulis domain desa.")
            )
        taken = VillageDomain.objects.filter(domain=domain).select_related("village__region")
        if taken:
            raise forms.ValidationError(
                _("Domain ini sudah dipakai oleh %(village)s.")
                % {"village": taken[0].village.display_name}
            )
        return domain


class KecamatanViewerForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"), queryset=kecamatan_list(), empty_label=_("Pilih kecamatan")
    )

    def clean_email(self) -> User:
        return _existing_user(self.cleaned_data["email"])


class StaffUserForm(forms.Form):
    KINDS = [("mentor", _("Pendamping (RTIK)")), ("kecamatan", _("Pemantau kecamatan"))]

    name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Tautan untuk membuat kata sandi dikirim ke alamat ini."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    kind = forms.ChoiceField(label=_("Peran"), choices=KINDS, widget=forms.RadioSelect)
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        queryset=kecamatan_list(),
        required=False,
        empty_label=_("Pilih kecamatan"),
        help_text=_("Wajib untuk pemantau kecamatan."),
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Sudah ada akun dengan email ini."))
        return email

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("kind") == "kecamatan" and not data.get("kecamatan"):
            self.add_error("kecamatan", _("Pilih kecamatan yang dipantau."))
        if data.get("kind") == "mentor":
            data["kecamatan"] = None
        return data
