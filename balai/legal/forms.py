"""The dashboard form of one legal act. Every rule a person can break here is a field error in
plain Indonesian: a missing or foreign act as the one amended or revoked, an act changing
itself or a later act, a Keputusan with a Lembaran number, a plan without its years, a file
that is not a clean PDF, neither a file nor a link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.legal.models import LegalAct, act_slug, split_subjects
from balai.legal.services import is_status_derived
from balai.lib.upload_forms import accept, clean_document, hint
from balai.lib.uploads import PDF

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PDF_ONLY = frozenset({PDF.mime})


class TargetChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.citation} — {obj.title}"[:140]


class LegalActForm(forms.ModelForm):
    file = forms.FileField(
        label=_("Naskah (PDF)"),
        required=False,
        help_text=hint(
            PDF_ONLY, _("Naskah yang sudah ditandatangani, hasil pindai atau cetak PDF.")
        ),
        widget=forms.ClearableFileInput(attrs={"accept": accept(PDF_ONLY)}),
    )
    external_url = forms.URLField(
        label=_("Tautan naskah"),
        required=False,
        assume_scheme="https",
        help_text=_("Bila naskah sudah ada di situs lain, misalnya JDIH kabupaten."),
    )
    target = TargetChoiceField(
        label=_("Produk hukum yang diubah atau dicabut"),
        queryset=LegalAct.objects.none(),
        required=False,
        empty_label=_("— pilih —"),
        error_messages={"invalid_choice": _("Produk hukum itu tidak ada di daftar desa ini.")},
    )

    class Meta:
        model = LegalAct
        fields = [
            "kind",
            "number",
            "title",
            "enacted_on",
            "enacted_place",
            "promulgated_on",
            "gazette_number",
            "signer",
            "topic",
            "period_from",
            "period_to",
            "relation",
            "target",
            "status",
            "status_note",
            "subjects",
            "legal_field",
            "initiator",
            "language",
            "abstract",
            "file",
            "external_url",
            "published",
        ]
        widgets = {
            "enacted_on": DATE,
            "promulgated_on": DATE,
            "abstract": forms.Textarea(attrs={"rows": 4}),
            "period_from": forms.NumberInput(attrs={"inputmode": "numeric", "min": 2000}),
            "period_to": forms.NumberInput(attrs={"inputmode": "numeric", "min": 2000}),
        }
        error_messages = {
            "kind": {"required": _("Pilih jenis produk hukum.")},
            "number": {"required": _("Isi nomor produk hukum.")},
            "title": {"required": _("Isi judul produk hukum.")},
            "enacted_on": {
                "required": _("Isi tanggal penetapan."),
                "invalid": _("Tulis tanggal penetapan sebagai tanggal, misalnya 30-12-2025."),
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        act = self.instance
        others = LegalAct.objects.for_village(act.village).order_by("-enacted_on", "-id")
        if act.pk:
            others = others.exclude(pk=act.pk)
        target_field = self.fields["target"]
        assert isinstance(target_field, TargetChoiceField)
        target_field.queryset = others
        kind = self.fields["kind"]
        assert isinstance(kind, forms.TypedChoiceField)
        kind.choices = [("", _("— pilih jenis —")), *LegalAct.Kind.choices]
        self.status_derived = is_status_derived(act)
        if self.status_derived:
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _(
                "Ditentukan oleh produk hukum di daftar ini yang mengubah atau mencabutnya."
            )
            self.fields["status_note"].disabled = True
        if not act.pk and not self.is_bound:
            self.initial["enacted_place"] = self.initial.get("enacted_place") or act.village.name

    def clean_number(self) -> str:
        return " ".join(self.cleaned_data["number"].split())

    def clean_subjects(self) -> str:
        return ", ".join(split_subjects(self.cleaned_data.get("subjects", "")))[:300]

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        return clean_document(upload, allowed=PDF_ONLY)

    def clean_enacted_on(self) -> Any:
        day = self.cleaned_data["enacted_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Tanggal penetapan tidak boleh setelah hari ini."))
        if day.year < 1979:
            raise forms.ValidationError(_("Periksa tahun penetapan."))
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._check_number(data)
        self._check_promulgation(data)
        self._check_relation(data)
        self._check_status(data)
        self._check_period(data)
        self._check_document(data)
        return data

    def _check_number(self, data: dict[str, Any]) -> None:
        kind, number, day = data.get("kind"), data.get("number"), data.get("enacted_on")
        if not (kind and number and day):
            return
        slug = act_slug(kind, day.year, number)
        clash = LegalAct.objects.for_village(self.instance.village).filter(slug=slug)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            self.add_error(
                "number",
                _("Sudah ada %(kind)s Nomor %(number)s Tahun %(year)s di daftar.")
                % {"kind": LegalAct.Kind(kind).label, "number": number, "year": day.year},
            )

    def _check_promulgation(self, data: dict[str, Any]) -> None:
        enacted, promulgated = data.get("enacted_on"), data.get("promulgated_on")
        if enacted and promulgated and promulgated < enacted:
            self.add_error(
                "promulgated_on", _("Tanggal pengundangan tidak boleh sebelum tanggal penetapan.")
            )
        if data.get("kind") == LegalAct.Kind.KEPDES:
            if data.get("gazette_number"):
                self.add_error(
                    "gazette_number",
                    _("Keputusan Kepala Desa tidak diundangkan dalam Lembaran/Berita Desa."),
                )
            data["promulgated_on"] = None

    def _check_relation(self, data: dict[str, Any]) -> None:
        relation, target = data.get("relation"), data.get("target")
        if "target" in self.errors:
            return
        if relation and target is None:
            self.add_error("target", _("Pilih produk hukum yang diubah atau dicabut."))
            return
        if target is None:
            return
        if not relation:
            self.add_error(
                "relation", _("Pilih apakah produk hukum ini mengubah atau mencabut yang dipilih.")
            )
            return
        if self.instance.pk and target.pk == self.instance.pk:
            self.add_error(
                "target", _("Produk hukum tidak dapat mengubah atau mencabut dirinya sendiri.")
            )
        elif target.target_id and self.instance.pk and target.target_id == self.instance.pk:
            self.add_error(
                "target", _("Produk hukum yang dipilih justru mengubah atau mencabut yang ini.")
            )
        elif data.get("enacted_on") and target.enacted_on > data["enacted_on"]:
            self.add_error(
                "target",
                _("Produk hukum yang diubah atau dicabut harus ditetapkan lebih dulu."),
            )

    def _check_status(self, data: dict[str, Any]) -> None:
        if self.status_derived:
            return
        status = data.get("status")
        if status and status != LegalAct.Status.BERLAKU and not data.get("status_note", "").strip():
            self.add_error(
                "status_note",
                _(
                    "Tulis peraturan yang mengubah atau mencabutnya, atau tambahkan "
                    "peraturan itu ke daftar."
                ),
            )
        if status == LegalAct.Status.BERLAKU:
            data["status_note"] = ""

    def _check_period(self, data: dict[str, Any]) -> None:
        topic, start, end = data.get("topic"), data.get("period_from"), data.get("period_to")
        if not topic:
            data["period_from"] = data["period_to"] = None
            return
        if not start:
            self.add_error("period_from", _("Isi tahun berlakunya rencana atau anggaran ini."))
            return
        if not 2000 <= start <= 2100 or (end and not 2000 <= end <= 2100):
            self.add_error("period_from", _("Tulis tahun dengan empat angka, misalnya 2026."))
            return
        if end and end < start:
            self.add_error("period_to", _("Tahun akhir tidak boleh sebelum tahun awal."))
        data["period_to"] = end or start

    def _check_document(self, data: dict[str, Any]) -> None:
        if "file" in self.errors:
            return
        file = data.get("file")
        if file is False:  # the person ticked "clear"
            file = None
        if not file and not data.get("external_url"):
            self.add_error("file", _("Unggah naskah PDF atau isi tautan naskah."))
