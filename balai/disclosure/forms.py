"""Forms of the PPID Desa. Messages say in plain Indonesian what to fix."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from balai.disclosure.models import (
    DipItem,
    EmergencyNotice,
    InfoRequest,
    LocalHoliday,
    Objection,
    PpidProfile,
)
from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import DOCUMENT_SIDE, PhotoInput, accept, clean_document, hint
from balai.lib.uploads import DOCUMENT_TYPES, PDF

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _checked_file(upload, *, allowed: frozenset[str] = DOCUMENT_TYPES):
    """A new upload checked (PDF as sent, a photo re-encoded); a file already stored, or the
    "clear" checkbox, passes through."""
    if not isinstance(upload, UploadedFile):
        return upload
    return clean_document(upload, allowed=allowed)


class RequestForm(forms.ModelForm):
    """The public request form (Perki 1/2018 formulir permohonan)."""

    phone = WhatsAppField(
        label=_("Nomor telepon/WhatsApp"),
        required=False,
        help_text=_("Untuk memberi tahu Anda lewat WhatsApp. Isi telepon atau email."),
    )

    class Meta:
        model = InfoRequest
        fields = [
            "name",
            "id_number",
            "address",
            "occupation",
            "phone",
            "email",
            "information",
            "purpose",
            "obtain",
            "format",
            "delivery",
        ]
        widgets = {
            "id_number": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "information": forms.Textarea(attrs={"rows": 4}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "obtain": forms.RadioSelect,
            "format": forms.RadioSelect,
            "delivery": forms.RadioSelect,
        }
        help_texts = {
            "id_number": _(
                "16 angka NIK di KTP. Hanya dilihat petugas PPID, tidak pernah ditampilkan."
            ),
            "information": _("Tulis sejelas mungkin informasi apa yang Anda butuhkan."),
        }
        error_messages = {
            "name": {"required": _("Isi nama Anda.")},
            "id_number": {"required": _("Isi NIK dengan 16 angka.")},
            "address": {"required": _("Isi alamat Anda.")},
            "information": {"required": _("Tulis informasi yang Anda butuhkan.")},
            "purpose": {"required": _("Tulis tujuan penggunaan informasi.")},
            "obtain": {"required": _("Pilih cara memperoleh informasi.")},
            "format": {"required": _("Pilih bentuk salinan.")},
            "delivery": {"required": _("Pilih cara pengiriman.")},
            "email": {"invalid": _("Tulis alamat email yang benar, misalnya nama@contoh.id.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        radios = {  # no empty "-----" choice among radios
            "obtain": InfoRequest.Obtain.choices,
            "format": InfoRequest.Format.choices,
            "delivery": InfoRequest.Delivery.choices,
        }
        for name, choices in radios.items():
            cast(forms.ChoiceField, self.fields[name]).choices = choices

    def clean_id_number(self) -> str:
        value = re.sub(r"\s", "", self.cleaned_data["id_number"])
        if not re.fullmatch(r"\d{16}", value):
            raise forms.ValidationError(_("Isi NIK dengan 16 angka."))
        return value

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error("phone", _("Isi nomor telepon atau email, agar kami dapat menjawab."))
        if data.get("delivery") == InfoRequest.Delivery.EMAIL and not data.get("email"):
            if "email" not in self.errors:
                self.add_error("email", _("Isi email bila informasi dikirim lewat email."))
        return data


class StaffRequestForm(RequestForm):
    """A request brought in person, by letter or by email, typed in by staff."""

    channel = forms.ChoiceField(
        label=_("Cara permohonan"),
        choices=[c for c in InfoRequest.Channel.choices if c[0] != InfoRequest.Channel.WEB],
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(label=_("Tanggal diterima"), widget=DATE)


class TrackForm(forms.Form):
    number = forms.CharField(
        label=_("Nomor registrasi"), max_length=30, help_text=_("Misalnya PPID-2026-0007")
    )
    code = forms.CharField(
        label=_("Email atau nomor HP"),
        max_length=120,
        help_text=_("Yang Anda tulis di formulir permohonan."),
    )


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan perpanjangan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tulis alasan perpanjangan.")},
        help_text=_("Paling lama 7 hari kerja, hanya sekali. Alasan ini dikirim ke pemohon."),
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=InfoRequest.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih keputusan.")},
    )
    answer = forms.CharField(
        label=_("Isi jawaban"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tulis isi jawaban untuk pemohon.")},
    )
    redaction_reason = forms.CharField(
        label=_("Bagian yang dihitamkan dan alasannya"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib bila diberikan sebagian."),
    )
    exemption_ground = forms.CharField(
        label=_("Dasar pengecualian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib bila ditolak: pasal 17 UU 14/2008 dan uji konsekuensinya."),
    )
    holder = forms.CharField(
        label=_("Badan publik yang menguasai informasi"),
        required=False,
        max_length=200,
        help_text=_("Wajib bila informasi tidak dikuasai desa."),
    )
    cost = forms.IntegerField(
        label=_("Biaya penggandaan/pengiriman (Rp)"),
        min_value=0,
        initial=0,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    answer_file = forms.FileField(
        label=_("Berkas jawaban"),
        required=False,
        help_text=hint(DOCUMENT_TYPES),
        widget=PhotoInput(attrs={"accept": accept(DOCUMENT_TYPES)}, side=DOCUMENT_SIDE),
    )

    def clean_answer_file(self):
        return _checked_file(self.cleaned_data.get("answer_file"))

    def clean(self):
        data = super().clean()
        D = InfoRequest.Decision
        needed = {
            D.PARTLY: ("redaction_reason", _("Tulis bagian yang dihitamkan dan alasannya.")),
            D.REFUSED: ("exemption_ground", _("Tulis dasar pengecualian penolakan.")),
            D.NOT_HELD: ("holder", _("Tulis badan publik yang menguasai informasi ini.")),
        }
        if data.get("decision") in needed:
            field, message = needed[data["decision"]]
            if not (data.get(field) or "").strip():
                self.add_error(field, message)
        data["cost"] = data.get("cost") or 0
        return data


class ObjectionForm(forms.Form):
    grounds = forms.MultipleChoiceField(
        label=_("Alasan keberatan"),
        choices=Objection.Ground.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih setidaknya satu alasan keberatan.")},
    )
    statement = forms.CharField(
        label=_("Uraian keberatan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tulis uraian keberatan Anda.")},
    )


class ObjectionDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Tanggapan"),
        choices=Objection.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih tanggapan.")},
    )
    answer = forms.CharField(
        label=_("Isi tanggapan Atasan PPID"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tulis isi tanggapan.")},
    )
    decided_by = forms.CharField(label=_("Nama Atasan PPID"), max_length=120)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = PpidProfile
        fields = [
            "ppid_name",
            "ppid_position",
            "atasan_name",
            "atasan_position",
            "perdes_number",
            "perdes_date",
            "perdes_file",
            "service_hours",
            "procedure",
            "pledge",
            "cost_policy",
        ]
        widgets = {"perdes_date": DATE}

    def clean_perdes_file(self):
        return _checked_file(self.cleaned_data.get("perdes_file"), allowed=frozenset({PDF.mime}))


class DipItemForm(forms.ModelForm):
    link = forms.URLField(
        label=_("Tautan lain"),
        required=False,
        assume_scheme="https",
        help_text=_("Alamat lengkap dokumen di situs lain, misalnya JDIH kabupaten."),
    )

    class Meta:
        model = DipItem
        fields = [
            "year",
            "category",
            "title",
            "summary",
            "responsible",
            "made_on",
            "format",
            "retention",
            "file",
            "link",
            "legal_ground",
            "consequence_test",
        ]
        widgets = {"made_on": DATE, "summary": forms.Textarea(attrs={"rows": 3})}

    def clean_file(self):
        return _checked_file(self.cleaned_data.get("file"), allowed=frozenset({PDF.mime}))

    def clean(self):
        data = super().clean()
        if data.get("category") == DipItem.Category.DIKECUALIKAN:
            for field in ("legal_ground", "consequence_test"):
                if not (data.get(field) or "").strip():
                    self.add_error(field, _("Wajib diisi untuk informasi yang dikecualikan."))
        return data


class NoticeForm(forms.ModelForm):
    class Meta:
        model = EmergencyNotice
        fields = [
            "title",
            "hazard",
            "affected",
            "evacuation",
            "avoidance",
            "help",
            "announcer",
            "channel",
            "authority_actions",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2})
            for name in (
                "hazard",
                "affected",
                "evacuation",
                "avoidance",
                "help",
                "authority_actions",
            )
        }


class LocalHolidayForm(forms.ModelForm):
    class Meta:
        model = LocalHoliday
        fields = ["date", "name"]
        widgets = {"date": DATE}
        error_messages = {"date": {"unique": _("Tanggal ini sudah tercatat sebagai hari libur.")}}
