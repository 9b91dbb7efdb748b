"""Forms of the counter services. Messages say in plain Indonesian what to fix."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import DOCUMENT_SIDE, MultiplePhotoInput, clean_document, hint
from balai.lib.uploads import DOCUMENT_TYPES, PDF
from balai.services.models import RESERVED_SLUGS, DefaultService, Service
from balai.services.services import MAX_DOCUMENTS
from balai.watch.integrity import content_suspicious


class DocumentsField(forms.FileField):
    """Up to MAX_DOCUMENTS photos or PDFs: each checked by its bytes, photos re-encoded."""

    def __init__(self, **kwargs: Any) -> None:
        widget = MultiplePhotoInput(attrs={"accept": "image/*,application/pdf"}, side=DOCUMENT_SIDE)
        kwargs.setdefault(
            "help_text",
            format_lazy(
                "{} {}",
                _("Foto dokumen persyaratan dengan kamera HP, paling banyak 5 berkas:"),
                hint(DOCUMENT_TYPES),
            ),
        )
        super().__init__(widget=widget, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_DOCUMENTS:
            raise forms.ValidationError(
                _("Kirim paling banyak %(n)d berkas.") % {"n": MAX_DOCUMENTS}
            )
        return [clean_document(upload, max_side=DOCUMENT_SIDE) for upload in files]


def _spam_check(form: forms.Form, *names: str) -> None:
    text = " ".join(str(form.cleaned_data.get(name) or "") for name in names)
    if content_suspicious(text):
        form.add_error(
            names[-1],
            _("Isian ini memuat kata atau tautan yang sering dipakai spam. Ubah isiannya."),
        )


class RequestForm(forms.Form):
    """What a resident sends for a service: who they are, how to reach them, what for."""

    name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Isi nama lengkap Anda.")},
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=24,
        help_text=_("16 angka NIK di KTP-el atau Kartu Keluarga. Hanya dilihat petugas desa."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Isi NIK dengan 16 angka.")},
    )
    phone = WhatsAppField(
        label=_("Nomor HP/WhatsApp"),
        help_text=_(
            "Untuk kabar permohonan. Empat angka terakhirnya dipakai saat mengunduh surat."
        ),
        error_messages={"required": _("Isi nomor HP/WhatsApp Anda.")},
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Bila diisi, kami kirim tautan pelacakan dan kabarnya ke email ini."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Tulis alamat email yang benar, misalnya nama@contoh.id.")},
    )
    purpose = forms.CharField(
        label=_("Keperluan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Misalnya: untuk melamar pekerjaan, untuk mendaftar sekolah anak."),
        error_messages={"required": _("Tulis keperluan surat ini.")},
    )
    documents = DocumentsField(label=_("Dokumen persyaratan"), required=False)
    website = forms.CharField(label=_("Jangan diisi"), required=False)  # honeypot

    def clean_nik(self) -> str:
        value = re.sub(r"[\s.\-]", "", self.cleaned_data["nik"])
        if not re.fullmatch(r"\d{16}", value):
            raise forms.ValidationError(_("Isi NIK dengan 16 angka."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _spam_check(self, "name", "purpose")
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Kode pelacakan"),
        max_length=20,
        help_text=_("10 huruf dan angka yang Anda terima setelah mengirim permohonan."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": _("Isi kode pelacakan Anda.")},
    )


class AnswerForm(forms.Form):
    """The resident's answer when staff asked for more."""

    body = forms.CharField(
        label=_("Jawaban Anda"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tulis jawaban Anda.")},
    )
    documents = DocumentsField(label=_("Dokumen tambahan"), required=False)
    website = forms.CharField(label=_("Jangan diisi"), required=False)  # honeypot

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _spam_check(self, "body")
        return data


class DownloadForm(forms.Form):
    last4 = forms.CharField(
        label=_("4 angka terakhir nomor HP Anda"),
        min_length=4,
        max_length=4,
        help_text=_("Nomor yang Anda tulis di formulir permohonan."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": _("Isi 4 angka terakhir nomor HP Anda."),
            "min_length": _("Isi 4 angka terakhir nomor HP Anda."),
            "max_length": _("Isi 4 angka terakhir nomor HP Anda."),
        },
    )


# Staff forms ---------------------------------------------------------------------------------


class RegisterSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Cari di register (nama atau NIK)"),
        max_length=60,
        error_messages={"required": _("Tulis nama atau NIK.")},
    )


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Yang perlu dilengkapi"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pemohon membaca pesan ini di halaman pelacakan."),
        error_messages={"required": _("Tulis apa yang perlu dilengkapi.")},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pemohon membaca alasan ini di halaman pelacakan."),
        error_messages={"required": _("Tulis alasan penolakan.")},
    )


class HandoverForm(forms.Form):
    pdf = forms.FileField(
        label=_("PDF surat"),
        required=False,
        help_text=hint({PDF.mime}, _("Kosongkan bila surat sudah diterbitkan di Balai.")),
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_pdf(self) -> Any:
        return clean_document(self.cleaned_data.get("pdf"), allowed={PDF.mime})


SERVICE_FIELDS = [
    "name",
    "slug",
    "summary",
    "letter_key",
    "online",
    "requirements",
    "procedure",
    "duration_days",
    "cost",
    "product",
    "officer",
    "complaints",
    "legal_basis",
    "link",
    "order",
]
TEXTAREAS = {
    name: forms.Textarea(attrs={"rows": 4})
    for name in ("requirements", "procedure", "complaints", "legal_basis")
}


class _StandardForm(forms.ModelForm):
    link = forms.URLField(
        label=_("tautan"),
        required=False,
        assume_scheme="https",
        help_text=_("Untuk layanan di tempat lain (misalnya kanal pengaduan): alamat lengkapnya."),
    )

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("Alamat ini dipakai situs. Pilih alamat lain."))
        return slug


class ServiceForm(_StandardForm):
    class Meta:
        model = Service
        fields = [*SERVICE_FIELDS, "is_published"]
        widgets = TEXTAREAS

    def __init__(self, *args: Any, village: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.village = village

    def clean_slug(self) -> str:
        slug = super().clean_slug()
        taken = Service.objects.for_village(self.village).filter(slug=slug)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Alamat ini sudah dipakai layanan lain."))
        return slug


class DefaultServiceForm(_StandardForm):
    class Meta:
        model = DefaultService
        fields = [*SERVICE_FIELDS, "is_active"]
        widgets = TEXTAREAS
