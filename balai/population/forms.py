"""Dashboard forms of the register."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.population import codes, nik
from balai.population.figures import CATEGORIES
from balai.population.models import Area, Family, Resident, ResidentEvent

RESIDENT_FIELDS = [
    "nik",
    "name",
    "sex",
    "birth_place",
    "birth_date",
    "family_relation",
    "religion",
    "education_kk",
    "occupation",
    "marital_status",
    "citizenship",
    "blood_type",
    "father_name",
    "mother_name",
    "area",
    "phone",
]


class ResidentForm(forms.ModelForm):
    family_number = forms.CharField(
        label=_("No. KK"), max_length=16, help_text=_("Keluarga yang sudah tercatat di desa ini.")
    )

    class Meta:
        model = Resident
        fields = RESIDENT_FIELDS
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.village = village
        self.fields["area"].queryset = Area.objects.for_village(village)
        self.fields["nik"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        self.fields["family_number"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        self.fields["birth_date"].required = True
        self.fields["family_relation"].required = True
        if self.instance.pk:
            self.fields["family_number"].initial = self.instance.family.number

    def clean_family_number(self) -> str:
        number = self.cleaned_data["family_number"].strip()
        family = Family.objects.for_village(self.village).filter(number=number).first()
        if family is None:
            raise forms.ValidationError(_("No. KK ini belum tercatat di desa ini."))
        self.instance.family = family
        return number

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Tanggal lahir tidak boleh di masa depan."))
        return value

    def clean(self):
        data = super().clean()
        checked = nik.check_nik(
            data.get("nik", ""),
            birth_date=data.get("birth_date"),
            sex=data.get("sex"),
            region_digits=self.village.region.digits,
        )
        if checked.errors:
            self.add_error("nik", checked.errors[0])
        elif checked.value != "0":
            twins = Resident.objects.for_village(self.village).filter(nik=checked.value)
            if twins.exclude(pk=self.instance.pk).exists():
                self.add_error("nik", _("NIK ini sudah tercatat untuk penduduk lain di desa ini."))
        self.instance.nik_warning = " ".join(checked.warnings)[:200]
        return data


class NewResidentForm(ResidentForm):
    kind = forms.TypedChoiceField(
        label=_("Peristiwa"),
        coerce=int,
        choices=[
            (ResidentEvent.Kind.BIRTH, _("Lahir")),
            (ResidentEvent.Kind.MOVE_IN, _("Pindah masuk")),
        ],
        widget=forms.RadioSelect,
    )
    event_date = forms.DateField(
        label=_("Tanggal peristiwa"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_event_date(self):
        value = self.cleaned_data["event_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Tanggal peristiwa tidak boleh di masa depan."))
        return value


class EventForm(forms.ModelForm):
    class Meta:
        model = ResidentEvent
        fields = [
            "kind",
            "event_date",
            "report_date",
            "place",
            "cause",
            "move_level",
            "destination",
            "note",
        ]
        widgets = {
            "event_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "report_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "cause": _("Hanya untuk kematian."),
            "move_level": _("Hanya untuk pindah keluar."),
            "destination": _("Alamat tujuan pindah, bila pindah keluar."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        Kind = ResidentEvent.Kind
        self.fields["kind"].choices = [
            (k.value, k.label) for k in (Kind.DEATH, Kind.MOVE_OUT, Kind.MISSING, Kind.LEAVE)
        ]
        self.fields["report_date"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name in ("event_date", "report_date"):
            if data.get(name) and data[name] > today:
                self.add_error(name, _("Tanggal tidak boleh di masa depan."))
        if data.get("kind") == ResidentEvent.Kind.MOVE_OUT and not data.get("move_level"):
            self.add_error("move_level", _("Pilih jenis pindah."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas data penduduk"),
        help_text=_(".xlsx, .xls, .ods atau .csv dengan 43 kolom templat; paling besar 50 MB."),
    )


class SettingsForm(forms.Form):
    mentor_access = forms.BooleanField(
        label=_("Pendamping RTIK boleh membuka data pribadi penduduk"), required=False
    )
    published = forms.MultipleChoiceField(
        label=_("Statistik yang tayang di situs desa"),
        choices=[(c.key, c.label) for c in CATEGORIES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class SplitForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Anggota yang pindah ke KK baru"),
        queryset=Resident.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    head = forms.ModelChoiceField(
        label=_("Kepala keluarga KK baru"), queryset=Resident.objects.none()
    )
    number = forms.CharField(label=_("No. KK baru"), max_length=30, help_text=_("16 angka."))

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        alive = family.members.filter(status=Resident.ALIVE)
        self.fields["members"].queryset = alive
        self.fields["head"].queryset = alive
        self.fields["number"].widget.attrs.update(inputmode="numeric", autocomplete="off")


class HeadForm(forms.Form):
    new_head = forms.ModelChoiceField(
        label=_("Kepala keluarga baru"), queryset=Resident.objects.none()
    )
    old_head_relation = forms.TypedChoiceField(
        label=_("Hubungan kepala keluarga lama"),
        coerce=int,
        choices=[c for c in codes.choices("hubungan_dalam_keluarga_shdk") if c[0] != 1],
        help_text=_("Misalnya SUAMI bila istri menjadi kepala keluarga."),
    )

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_head"].queryset = family.members.filter(status=Resident.ALIVE)
