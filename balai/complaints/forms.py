"""Forms of the complaints desk: the public complaint form, tracking, the complainant's
follow-up, and the staff's, kecamatan's and district's forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from balai.complaints.models import CODE_LENGTH, Complaint, ComplaintRules, ComplaintSettings
from balai.complaints.services import NEXT_STATUSES
from balai.lib.coordinates import CoordinateField, point_clean
from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import PhotoFileInput, clean_image, hint
from balai.lib.uploads import IMAGE_TYPES
from balai.villages.models import Village

TEXT_MAX = 4000


class ComplaintForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Tentang apa?"),
        choices=Complaint.Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih kategori pengaduan.")},
    )
    text = forms.CharField(
        label=_("Isi pengaduan atau usulan"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_MAX}),
        help_text=_("Ceritakan apa, di mana dan sejak kapan. Jangan tulis NIK atau nomor KK."),
        error_messages={"required": _("Tulis isi pengaduan Anda.")},
    )
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        widget=PhotoFileInput(),
        help_text=hint(IMAGE_TYPES, _("Foto hanya dilihat petugas desa.")),
    )
    latitude = CoordinateField(
        axis="lat",
        label=_("Lintang (latitude)"),
        help_text=_(
            "Tidak wajib. Tempel angka dari Google Maps, misalnya “-7.3051, 109.3685”, atau "
            "tekan “Pakai lokasi saya” saat berada di tempat itu."
        ),
    )
    longitude = CoordinateField(axis="lng", label=_("Bujur (longitude)"))
    anonymous = forms.BooleanField(
        label=_("Kirim tanpa nama"),
        required=False,
        help_text=_(
            "Nama dan kontak Anda tidak disimpan. Anda tetap mendapat kode lacak untuk melihat "
            "jawaban."
        ),
    )
    name = forms.CharField(
        label=_("Nama Anda"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Tulis nama Anda, atau centang “Kirim tanpa nama”.")},
    )
    phone = WhatsAppField(
        label=_("Nomor WhatsApp"),
        required=False,
        help_text=_("Isi nomor WhatsApp atau email (salah satu), kecuali tanpa nama."),
    )
    email = forms.EmailField(
        label=_("Email"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    website = forms.CharField(label=_("Jangan diisi"), required=False)  # the honeypot

    def __init__(self, *args: Any, village: Village, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.village = village
        # The name is asked for unless the sender chose to stay anonymous.
        self.fields["name"].required = not (self.is_bound and self.data.get("anonymous"))

    def clean_photo(self) -> Any:
        return clean_image(self.cleaned_data.get("photo"), max_side=1600)

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Kiriman ditolak."))
        return ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        point_clean(self, near=self.village.office_point)
        if data.get("anonymous"):
            data["name"] = data["phone"] = data["email"] = ""
            return data
        if not data.get("phone") and not data.get("email") and not self.has_error("phone"):
            if not self.has_error("email"):
                self.add_error(
                    "phone", _("Isi nomor WhatsApp atau email agar petugas dapat menghubungi Anda.")
                )
        return data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Kode lacak"),
        max_length=CODE_LENGTH + 10,
        help_text=_("Sepuluh huruf dan angka yang Anda terima setelah mengirim pengaduan."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": _("Tulis kode lacak Anda.")},
    )


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("Tambahkan keterangan"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_MAX}),
        error_messages={"required": _("Tulis keterangan tambahan Anda.")},
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ubah status"), choices=())

    def __init__(self, *args: Any, complaint: Complaint, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Complaint.Status.choices)
        field = self.fields["status"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s, labels[s]) for s in NEXT_STATUSES[complaint.status]]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Catatan"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tulis catatannya.")},
    )


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Complaint
        fields = ["reply", "public_summary", "public_reply"]
        widgets = {
            "reply": forms.Textarea(attrs={"rows": 4}),
            "public_summary": forms.Textarea(attrs={"rows": 3}),
            "public_reply": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reply = (data.get("reply") or "").strip()
        public_reply = (data.get("public_reply") or "").strip()
        if not reply and not public_reply:
            self.add_error("reply", _("Tulis jawaban untuk pelapor atau jawaban untuk publik."))
        if public_reply and not (data.get("public_summary") or "").strip():
            self.add_error(
                "public_summary", _("Tulis ringkasan pengaduan yang tampil bersama jawabannya.")
            )
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ComplaintSettings
        fields = ["public_list"]


class RulesForm(forms.ModelForm):
    class Meta:
        model = ComplaintRules
        fields = ["escalate_after_days"]

    def clean_escalate_after_days(self) -> int:
        days = self.cleaned_data["escalate_after_days"]
        if not 3 <= days <= 30:
            raise forms.ValidationError(_("Isi antara 3 dan 30 hari kerja."))
        return int(days)
