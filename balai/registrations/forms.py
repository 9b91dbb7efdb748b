"""Forms of the registration wizard, the revision page and the district's review actions."""

from __future__ import annotations

import re

from django import forms
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.lib.phone import WhatsAppField
from balai.lib.upload_forms import DOCUMENT_SIDE, PhotoFileInput, clean_document, hint
from balai.registrations import selectors
from balai.registrations.models import Application
from balai.registrations.services import LETTER_TYPES

_HOSTNAME = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class VillageForm(forms.Form):
    region = forms.CharField(
        label=gettext_lazy("Desa atau kelurahan"),
        error_messages={"required": gettext_lazy("Pilih desa atau kelurahan dari daftar.")},
    )

    def clean_region(self):
        region = selectors.region_for_application(self.cleaned_data["region"])
        if region is None:
            raise forms.ValidationError(_("Pilih desa atau kelurahan dari daftar."))
        state = selectors.region_states([region.code]).get(region.code)
        if state:
            raise forms.ValidationError(selectors.state_message(state))
        return region


class ApplicantForm(forms.Form):
    applicant_name = forms.CharField(
        label=gettext_lazy("Nama lengkap"),
        max_length=120,
        error_messages={"required": gettext_lazy("Isi nama lengkap Anda.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    applicant_position = forms.ChoiceField(
        label=gettext_lazy("Jabatan Anda di desa"),
        choices=Application.Position.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Pilih jabatan Anda."),
            "invalid_choice": gettext_lazy("Pilih salah satu jabatan dari daftar."),
        },
    )
    whatsapp = WhatsAppField(
        label=gettext_lazy("Nomor WhatsApp"),
        help_text=gettext_lazy("Nomor HP yang aktif di WhatsApp, misalnya 0812 3456 7890."),
        error_messages={"required": gettext_lazy("Isi nomor WhatsApp Anda.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("Email"),
        help_text=gettext_lazy("Kabar permohonan dan undangan admin dikirim ke sini."),
        error_messages={
            "required": gettext_lazy("Isi alamat email Anda."),
            "invalid": gettext_lazy("Tulis alamat email yang benar, misalnya nama@contoh.id."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_applicant_name(self):
        return " ".join(self.cleaned_data["applicant_name"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class AddressForm(forms.Form):
    wanted_slug = forms.CharField(
        label=gettext_lazy("Alamat situs yang diinginkan"),
        max_length=50,
        help_text=gettext_lazy(
            "Huruf kecil, angka dan tanda hubung, misalnya karangsari-kalimanah."
        ),
        error_messages={"required": gettext_lazy("Isi alamat situs yang diinginkan.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
                "hx-get": reverse_lazy("registrations:check_slug"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#slug-status",
                "aria-describedby": "id_wanted_slug_helptext slug-status",
            }
        ),
    )
    existing_domain = forms.CharField(
        label=gettext_lazy("Domain desa.id yang sudah dimiliki"),
        max_length=253,
        required=False,
        help_text=gettext_lazy(
            "Isi hanya jika desa sudah punya domain dan ingin mengarahkannya ke Balai, "
            "misalnya dagan.desa.id."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "url", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, application: Application | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.exclude = application.pk if application else None

    def clean_wanted_slug(self):
        slug = self.cleaned_data["wanted_slug"].strip().lower()
        problem = selectors.slug_problem(slug, exclude_application=self.exclude)
        if problem:
            raise forms.ValidationError(problem)
        return slug

    def clean_existing_domain(self):
        domain = self.cleaned_data["existing_domain"].strip().lower()
        domain = re.sub(r"^https?://", "", domain).split("/", 1)[0].rstrip(".")
        if not domain:
            return ""
        if not _HOSTNAME.match(domain):
            raise forms.ValidationError(
                _(
                    "Tulis nama domain saja, misalnya dagan.desa.id "
                    "(tanpa http:// atau garis miring)."
                )
            )
        problem = selectors.domain_problem(domain, exclude_application=self.exclude)
        if problem:
            raise forms.ValidationError(problem)
        return domain


class LetterForm(forms.Form):
    letter = forms.FileField(
        label=gettext_lazy("Surat permohonan"),
        help_text=hint(
            LETTER_TYPES,
            gettext_lazy(
                "Surat permohonan yang ditandatangani kepala desa atau lurah. Foto surat yang "
                "jelas juga boleh."
            ),
        ),
        error_messages={"required": gettext_lazy("Pilih berkas surat permohonan.")},
        widget=PhotoFileInput(attrs={"accept": "application/pdf,image/*"}, side=DOCUMENT_SIDE),
    )

    def __init__(self, *args, has_letter: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["letter"].required = not has_letter

    def clean_letter(self):
        return clean_document(self.cleaned_data.get("letter"), allowed=LETTER_TYPES)


class ReviseForm(ApplicantForm, AddressForm, LetterForm):
    """Everything the applicant may change after a revision request, on one page."""

    field_order = [
        "applicant_name",
        "applicant_position",
        "whatsapp",
        "email",
        "wanted_slug",
        "existing_domain",
        "letter",
    ]

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, application=application, has_letter=True, **kwargs)
        self.application = application
        # Contact details are not shown back to whoever holds the tracking code; empty = keep.
        for name in ("whatsapp", "email"):
            self.fields[name].required = False
        self.fields["whatsapp"].help_text = _(
            "Kosongkan jika tidak berubah. Nomor sekarang: %(masked)s"
        ) % {"masked": mask_phone(application.whatsapp)}
        self.fields["email"].help_text = _(
            "Kosongkan jika tidak berubah. Email sekarang: %(masked)s"
        ) % {"masked": mask_email(application.email)}
        # The live address check must not count this application's own wish as taken.
        check_url = reverse("registrations:check_slug") + "?kode=" + application.code
        self.fields["wanted_slug"].widget.attrs["hx-get"] = check_url
        self.fields["letter"].label = _("Ganti surat permohonan")
        self.fields["letter"].help_text = hint(
            LETTER_TYPES, _("Kosongkan untuk memakai surat yang sudah dikirim.")
        )

    def clean_whatsapp(self):
        return self.cleaned_data["whatsapp"] or self.application.whatsapp

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower() or self.application.email


def mask_phone(number: str) -> str:
    return number[:6] + "x" * max(len(number) - 9, 0) + number[-3:] if len(number) > 9 else "…"


def mask_email(email: str) -> str:
    local, _at, domain = email.partition("@")
    return f"{local[:1]}{'x' * max(len(local) - 1, 2)}@{domain}"


class StatusLookupForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kode pelacakan"),
        max_length=20,
        help_text=gettext_lazy("10 huruf dan angka dari halaman konfirmasi atau email Anda."),
        error_messages={"required": gettext_lazy("Isi kode pelacakan.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        application = selectors.application_for_code(self.cleaned_data["code"])
        if application is None:
            raise forms.ValidationError(
                _("Kode ini tidak ditemukan. Periksa lagi huruf dan angkanya.")
            )
        return application.code


class RevisionRequestForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Apa yang perlu diperbaiki pemohon?"),
        max_length=2000,
        help_text=gettext_lazy("Pemohon akan membaca pesan ini di email dan halaman status."),
        error_messages={"required": gettext_lazy("Tulis apa yang perlu diperbaiki pemohon.")},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Alasan penolakan"),
        max_length=2000,
        help_text=gettext_lazy("Pemohon akan membaca alasan ini di email dan halaman status."),
        error_messages={"required": gettext_lazy("Tulis alasan penolakan untuk pemohon.")},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
