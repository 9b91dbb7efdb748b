from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from balai.welfare.models import Objection, Programme, Recipient


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kw):
        super().__init__(format="%Y-%m-%d", **kw)


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "name",
            "kind",
            "source",
            "unit",
            "period_start",
            "period_end",
            "period_label",
            "amount",
            "goods",
            "decree_number",
            "decree_date",
            "musdesus_date",
            "exclusive_group",
            "publicly_announced",
        ]
        widgets = {
            f: DateInput() for f in ("period_start", "period_end", "decree_date", "musdesus_date")
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Tanggal selesai sebelum tanggal mulai."))
        announced = data.get("publicly_announced") or (
            not self.instance.pk and data.get("kind") == Programme.Kind.BLT_DD
        )
        if announced and not data.get("decree_number"):
            self.add_error("decree_number", _("Daftar yang diumumkan harus mencantumkan nomor SK."))
        return data


class UploadForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.none(),
        required=False,
        label=_("Program"),
        empty_label=_("— Peringkat kesejahteraan (desil / DTKS) —"),
        help_text=_("Pilih program untuk daftar penerima, atau kosongkan untuk data desil."),
    )
    file = forms.FileField(
        label=_("Berkas"), help_text=_(".xlsx, .xls, .ods atau .csv; paling besar 50 MB.")
    )

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.for_village(village)


class ObjectionForm(forms.ModelForm):
    website = forms.CharField(required=False, label=_("Jangan diisi"))  # honeypot

    class Meta:
        model = Objection
        fields = ["kind", "message", "sender_name", "contact"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Objection.Kind.choices  # no empty "---------" radio

    def data_fields(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.Meta.fields}


class RecipientStatusForm(forms.ModelForm):
    class Meta:
        model = Recipient
        fields = ["status", "status_reason", "end"]
        widgets = {"end": DateInput()}

    def clean(self):
        data = super().clean()
        if data.get("status") != Recipient.Status.ACTIVE and not data.get("status_reason"):
            self.add_error("status_reason", _("Tulis alasan penerima berhenti atau diganti."))
        end = data.get("end")
        if end and end < self.instance.start:
            self.add_error("end", _("Tanggal berhenti sebelum tanggal mulai menerima."))
        return data


class PovertyFlagForm(forms.Form):
    household = forms.CharField(
        label=_("Nomor rumah tangga"), max_length=30, help_text=_("Seperti di data penduduk.")
    )
    reason = forms.CharField(label=_("Alasan desa menilai miskin"), max_length=200)

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.village = village

    def clean_household(self):
        from balai.population.models import Household

        found = Household.objects.for_village(self.village).filter(
            number=self.cleaned_data["household"].strip()
        )
        if not found:
            raise forms.ValidationError(_("Rumah tangga ini tidak ada di data penduduk desa."))
        return found[0]
