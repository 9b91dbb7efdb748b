from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.letters import numbering, placeholders
from balai.letters.models import LetterSettings, Paper
from balai.letters.selectors import ActiveTemplate
from balai.villages.models import Official, Village

HEAD_TITLES = ("kepala desa", "lurah", "kades")


def is_head(official: Official) -> bool:
    return official.position.strip().lower().startswith(HEAD_TITLES)


class DateInput(forms.DateInput):
    input_type = "date"


def _operator_field(spec: dict[str, Any]) -> forms.Field:
    common: dict[str, Any] = {"label": spec["label"], "required": spec["required"]}
    if spec["required"]:
        common["error_messages"] = {"required": _("Isi %(label)s.") % {"label": spec["label"]}}
    if spec["kind"] == "tanggal":
        return forms.DateField(widget=DateInput, **common)
    if spec["kind"] == "angka":
        return forms.IntegerField(
            min_value=0,
            max_value=10**12,
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            **common,
        )
    if spec["kind"] == "pilihan":
        choices = [("", "—")] + [(c, c) for c in spec["choices"]]
        return forms.ChoiceField(choices=choices, **common)
    return forms.CharField(max_length=200, **common)


class IssueForm(forms.Form):
    """The fields the template asks the operator for, and the signer. Everything else comes
    from the register."""

    signer = forms.ModelChoiceField(
        label=gettext_lazy("Penanda tangan"),
        queryset=Official.objects.none(),
        empty_label=None,
        help_text=gettext_lazy("Selain kepala desa, surat ditandatangani atas nama (a.n.)."),
    )

    def __init__(self, *args: Any, village: Village, template: ActiveTemplate, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.template = template
        for spec in template.fields:
            self.fields[f"isian_{spec['name']}"] = _operator_field(spec)
        officials = Official.objects.for_village(village)
        self.fields["signer"].queryset = officials  # type: ignore[attr-defined]
        head = next((o for o in officials if is_head(o)), None)
        if head and "signer" not in self.initial:
            self.initial["signer"] = head.pk
        self.order_fields([*[f"isian_{s['name']}" for s in template.fields], "signer"])

    def values(self) -> dict[str, Any]:
        """The operator's answers, JSON-safe (dates as ISO text)."""
        found: dict[str, Any] = {}
        for spec in self.template.fields:
            value = self.cleaned_data.get(f"isian_{spec['name']}")
            if isinstance(value, datetime.date):
                value = value.isoformat()
            found[spec["name"]] = "" if value is None else value
        return found


class TemplateForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Judul surat"), max_length=120)
    code = forms.RegexField(
        label=gettext_lazy("Kode klasifikasi arsip"),
        regex=r"^[0-9][0-9.]{0,19}$",
        max_length=20,
        error_messages={"invalid": gettext_lazy("Tulis kode angka dan titik, mis. 474.1.")},
        help_text=gettext_lazy("Permendagri 83/2022, mis. 470 atau 474.1."),
    )
    fields_text = forms.CharField(
        label=gettext_lazy("Isian untuk petugas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
        help_text=gettext_lazy(
            "Satu isian per baris: nama | label | jenis | wajib atau opsional. Jenis: teks, "
            "tanggal, angka, atau pilihan: A; B; C."
        ),
    )
    body = forms.CharField(
        label=gettext_lazy("Isi templat"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "body" in data:
            try:
                data["fields"] = placeholders.parse_fields(data.get("fields_text", ""))
            except placeholders.TemplateError as exc:
                for message in exc.messages():
                    self.add_error("fields_text", message)
                return data
            try:
                placeholders.parse(data["body"], data["fields"])
            except placeholders.TemplateError as exc:
                for message in exc.messages():
                    self.add_error("body", message)
        return data


class DistrictTemplateForm(TemplateForm):
    needs_living = forms.BooleanField(
        label=gettext_lazy("Hanya untuk penduduk yang masih hidup dan tinggal di desa"),
        required=False,
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Terbitkan versi ini sekarang (desa langsung memakainya)"),
        required=False,
        initial=True,
    )


class SettingsForm(forms.ModelForm):
    class Meta:
        model = LetterSettings
        fields = ["number_pattern", "counter_per_code", "paper"]
        widgets = {"paper": forms.RadioSelect}

    def clean_number_pattern(self) -> str:
        pattern = self.cleaned_data["number_pattern"].strip()
        problem = numbering.pattern_problem(pattern)
        if problem:
            raise forms.ValidationError(problem)
        return pattern


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Alasan pembatalan"),
        max_length=200,
        error_messages={"required": gettext_lazy("Tulis alasan pembatalan.")},
    )


PAPER_CHOICES = Paper.choices
