"""Dashboard forms for institutions, their members and their activities."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from balai.institutions import selectors, services
from balai.institutions.models import Institution, Member
from balai.lib.upload_forms import clean_image, upload_field
from balai.news.models import Article
from balai.population.models import Resident
from balai.villages.models import Village

POSITION_SUGGESTIONS = (
    _("Ketua"),
    _("Wakil Ketua"),
    _("Sekretaris"),
    _("Bendahara"),
    _("Anggota"),
    _("Direktur"),
    _("Kader"),
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kw: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kw)


class InstitutionForm(forms.ModelForm):
    logo = upload_field(_("Logo"), extra=_("Logo lembaga, bila ada."))
    remove_logo = forms.BooleanField(label=_("Hapus logo"), required=False)

    class Meta:
        model = Institution
        fields = [
            "kind",
            "name",
            "description",
            "decree_number",
            "decree_date",
            "period_start",
            "period_end",
            "address",
            "phone",
            "email",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "description": forms.Textarea(attrs={"rows": 5}),
            "decree_date": DateInput(),
            "period_start": DateInput(),
            "period_end": DateInput(),
            "phone": forms.TextInput(
                attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [("", _("Pilih jenis lembaga")), *Institution.Kind.choices]

    def clean_logo(self) -> Any:
        return clean_image(self.cleaned_data.get("logo"), max_side=512, square=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end", _("Tanggal akhir masa bakti harus sesudah tanggal mulainya.")
            )
        return data


class MemberForm(forms.ModelForm):
    """Name and position (public), an optional photo; for people who may see the register, an
    optional NIK that links the member to the resident (never shown back in full)."""

    photo = upload_field(_("Foto"), extra=_("Ambil dengan kamera atau pilih dari galeri."))
    remove_photo = forms.BooleanField(label=_("Hapus foto"), required=False)
    nik = forms.CharField(
        label=_("NIK untuk menautkan ke data penduduk"),
        required=False,
        max_length=24,  # 16 digits, with the spaces people type between groups
        help_text=_(
            "Tidak wajib. Bila diisi, pengurus ditautkan ke data penduduk desa agar mudah "
            "dicek; NIK tidak pernah tampil di situs."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    unlink = forms.BooleanField(label=_("Lepas tautan ke data penduduk"), required=False)

    class Meta:
        model = Member
        fields = ["name", "position"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "position": forms.TextInput(attrs={"list": "member-positions", "autocomplete": "off"}),
        }

    def __init__(self, *args: Any, village: Village, register: bool, **kwargs: Any) -> None:
        self.village = village
        self.resident: Resident | None = None
        super().__init__(*args, **kwargs)
        if not register:  # an editor's or mentor's form: the register is not theirs to search
            del self.fields["nik"], self.fields["unlink"]
        elif self.instance.resident_id is None:
            del self.fields["unlink"]

    def clean_photo(self) -> Any:
        return clean_image(self.cleaned_data.get("photo"), max_side=600, square=True)

    def clean_nik(self) -> str:
        nik = "".join(self.cleaned_data.get("nik", "").split())
        if not nik:
            return ""
        if len(nik) != 16 or not nik.isdigit():
            raise forms.ValidationError(_("Isi NIK dengan 16 angka, atau kosongkan."))
        self.resident = services.resident_by_nik(village=self.village, nik=nik)
        if self.resident is None:
            raise forms.ValidationError(_("NIK ini tidak ada di data penduduk desa."))
        return nik


class ArticleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        if obj.publish_at is None:
            return str(obj.title)
        return f"{obj.title} ({date_format(timezone.localtime(obj.publish_at), 'j M Y')})"


class ActivitiesForm(forms.Form):
    articles = ArticleChoiceField(
        label=_("Berita kegiatan"),
        queryset=Article.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Centang berita desa yang memuat kegiatan lembaga ini."),
    )

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen = list(institution.articles.values_list("pk", flat=True))
        field = self.fields["articles"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = selectors.linkable_articles(institution.village, chosen=chosen)
        self.initial.setdefault("articles", chosen)
