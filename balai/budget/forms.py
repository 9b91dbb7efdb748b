"""Dashboard forms of the budget module. Money fields take Indonesian formats ("1.250.000");
accounts are typed or picked by code or name (a datalist, so it works without JavaScript)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.budget import tree
from balai.budget.models import Account, BudgetLine, FiscalYear, ProgressReport, Project, Source
from balai.budget.selectors import Balance
from balai.lib.coordinates import CoordinateField, point_clean
from balai.lib.numbers import AmountError, parse_rupiah, rupiah
from balai.lib.upload_forms import clean_image, upload_field
from balai.lib.uploads import EncodedImage
from balai.villages.models import Village


class RupiahField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=30, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def prepare_value(self, value: Any) -> Any:
        return f"{value:,}".replace(",", ".") if isinstance(value, int) else value

    def clean(self, value: Any) -> int | None:
        text = super().clean(value)
        try:
            amount = parse_rupiah(text)
        except AmountError as exc:
            raise ValidationError(
                _("Tulis jumlah rupiah, misalnya 1.250.000 (%(why)s).") % {"why": exc}
            ) from exc
        if amount is None and self.required:
            raise ValidationError(_("Isi jumlah rupiah."))
        return amount


_CODE = re.compile(r"^\d+(?:\.\d+)*\.?$")
MAX_CANDIDATES = 8


class AccountField(forms.CharField):
    """An account typed or chosen from the list: "5.3.5.02 Belanja Modal …", a code alone, or
    part of a name ("Dana Desa"). When several accounts fit, the form shows them to pick from
    (`candidates`, posted back as "<field>_pick"), so this works without JavaScript."""

    def __init__(self, *, axis: str, level: str, **kwargs: Any) -> None:
        self.axis, self.level = axis, level
        self.candidates: list[Account] = []
        super().__init__(max_length=300, **kwargs)
        self.widget.attrs.update({"list": f"akun-{level}", "autocomplete": "off"})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Account):
            return f"{value.code} {value.name}"
        if isinstance(value, int):
            found = Account.objects.filter(pk=value).first()
            return f"{found.code} {found.name}" if found else ""
        return value

    def clean(self, value: Any) -> Account | None:
        text = " ".join((super().clean(value) or "").split())
        if not text:
            return None
        accounts = Account.objects.filter(axis=self.axis)
        code = text.split()[0].rstrip(".")
        if _CODE.match(code):
            return self._by_code(accounts, code)
        matches = accounts.filter(level=self.level)
        for word in text.split():
            matches = matches.filter(name__icontains=word)
        found = list(matches.order_by("code")[:50])
        exact = [a for a in found if a.name.lower() == text.lower()]
        return self._pick(text, exact if len(exact) == 1 else found)

    def _by_code(self, accounts: QuerySet[Account], code: str) -> Account:
        found = accounts.filter(code=code).first()
        if found is None:
            raise ValidationError(_("Kode %(code)s tidak ada di daftar rekening.") % {"code": code})
        if found.level == self.level:
            return found
        # a broader code ("5.3.5") offers the detailed accounts under it
        under = accounts.filter(level=self.level, code__startswith=code + ".")
        self.candidates = list(under.order_by("code")[:MAX_CANDIDATES])
        message = _("Pilih kode yang paling rinci, misalnya 5.3.5.02 atau 2.3.10.")
        if self.candidates:
            message += " " + _("Atau pilih salah satu di bawah.")
        raise ValidationError(message)

    def _pick(self, text: str, matches: list[Account]) -> Account:
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError(
                _(
                    "Tidak ada rekening yang cocok dengan “%(text)s”. Ketik kode atau sebagian "
                    "nama, misalnya 4.2.1.01 atau Dana Desa."
                )
                % {"text": text}
            )
        self.candidates = matches[:MAX_CANDIDATES]
        if len(matches) > MAX_CANDIDATES:
            raise ValidationError(
                _(
                    "Banyak rekening cocok dengan “%(text)s”. Ketik lebih rinci, atau pilih "
                    "salah satu di bawah."
                )
                % {"text": text}
            )
        raise ValidationError(
            _("%(n)s rekening cocok dengan “%(text)s”. Pilih salah satu di bawah.")
            % {"n": len(matches), "text": text}
        )


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Tahun anggaran"),
        min_value=2015,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class LineForm(forms.ModelForm):
    account = AccountField(
        axis="ekonomi",
        level="objek",
        label=gettext_lazy("Rekening"),
        help_text=gettext_lazy("Ketik kode atau nama, misalnya 4.2.1.01 Dana Desa atau 5.3.5.02."),
    )
    kegiatan = AccountField(
        axis="bidang",
        level="kegiatan",
        required=False,
        label=gettext_lazy("Kegiatan"),
        help_text=gettext_lazy("Hanya untuk belanja, misalnya 2.3.10 Pembangunan Jalan Desa."),
    )
    original_amount = RupiahField(label=gettext_lazy("Anggaran (Rp)"))
    revised_amount = RupiahField(
        label=gettext_lazy("Anggaran perubahan (Rp)"),
        required=False,
        help_text=gettext_lazy("Kosongkan bila belum ada APBDes Perubahan."),
    )

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        # A pick from the list of candidates (radio buttons under the field) wins over the text.
        if data is not None and any(data.get(f"{n}_pick") for n in ("account", "kegiatan")):
            data = data.copy()
            for name in ("account", "kegiatan"):
                if data.get(f"{name}_pick"):
                    data[name] = data[f"{name}_pick"]
        super().__init__(data, *args, **kwargs)

    class Meta:
        model = BudgetLine
        fields = [
            "account",
            "kegiatan",
            "source",
            "description",
            "original_amount",
            "revised_amount",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        account, kegiatan = data.get("account"), data.get("kegiatan")
        if account is None:
            return data
        if tree.line_kind(account.code) == "spending":
            if kegiatan is None and "kegiatan" not in self.errors:
                self.add_error("kegiatan", _("Belanja harus menyebut kegiatannya."))
            if not data.get("source"):
                self.add_error("source", _("Pilih sumber dana belanja ini."))
        elif kegiatan is not None:
            self.add_error("kegiatan", _("Kegiatan hanya diisi untuk belanja (rekening 5)."))
        self._check_duplicate(data)
        return data

    def _check_duplicate(self, data: dict) -> None:
        line = self.instance
        account = data["account"]
        kind = tree.line_kind(account.code)
        source = data.get("source") or ""
        if kind == "income":
            source = tree.income_source(account.code)
        elif kind != "spending":
            source = ""
        clash = BudgetLine.objects.filter(
            fiscal_year=line.fiscal_year,
            account=account,
            kegiatan=data.get("kegiatan") if kind == "spending" else None,
            source=source,
        ).exclude(pk=line.pk)
        if clash.exists():
            raise ValidationError(
                _(
                    "Baris dengan rekening, kegiatan dan sumber dana yang sama sudah ada. "
                    "Ubah baris itu."
                )
            )


class ApproveForm(forms.Form):
    number = forms.CharField(
        label=gettext_lazy("Nomor Perdes"),
        max_length=60,
        help_text=gettext_lazy("Misalnya: 5 Tahun 2025"),
    )
    date = forms.DateField(
        label=gettext_lazy("Tanggal Perdes"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    imbalance_accepted = forms.BooleanField(
        required=False,
        label=gettext_lazy(
            "Saya sudah memeriksa selisihnya: angka ini sesuai Perdes dan tetap ditetapkan."
        ),
    )

    def __init__(self, *args: Any, balance: Balance, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.balance = balance
        if balance.balanced:
            del self.fields["imbalance_accepted"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.balance.balanced and not data.get("imbalance_accepted"):
            self.add_error(
                "imbalance_accepted",
                _(
                    "APBDes ini tidak seimbang (selisih %(gap)s). Perbaiki barisnya dulu, atau "
                    "centang pernyataan ini bila angkanya memang sesuai Perdes."
                )
                % {"gap": rupiah(self.balance.gap)},
            )
        return data


class RealisationForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    amount = RupiahField(label=gettext_lazy("Jumlah (Rp)"))
    note = forms.CharField(
        label=gettext_lazy("Keterangan"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Misalnya: realisasi semester I"),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas APBDes"),
        help_text=gettext_lazy(
            "XLSX, ODS atau CSV sesuai templat, atau zip CSV ekspor Siskeudes. Paling besar 5 MB."
        ),
    )
    realised_on = forms.DateField(
        label=gettext_lazy("Realisasi sampai dengan tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Kolom realisasi dicatat per tanggal ini. Kosong: hari ini."),
    )

    # The file itself (size, type by its bytes, containers) is judged by the import pipeline.


class YearChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: FiscalYear) -> str:
        return str(obj.year)


class LineChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: BudgetLine) -> str:
        kegiatan = obj.kegiatan
        name = f"{kegiatan.code} {kegiatan.name[:60]} · " if kegiatan else ""
        return f"{name}{obj.account.code} · {obj.source}"


class ProjectForm(forms.ModelForm):
    latitude = CoordinateField(
        axis="lat",
        label=gettext_lazy("Lintang (latitude)"),
        help_text=gettext_lazy(
            "Misalnya -7.301234. Boleh tempel pasangan “-7.3051, 109.3685” dari Google Maps."
        ),
    )
    longitude = CoordinateField(
        axis="lng",
        label=gettext_lazy("Bujur (longitude)"),
        help_text=gettext_lazy("Misalnya 109.365678."),
    )
    budget = RupiahField(label=gettext_lazy("Nilai (Rp)"), required=False)

    class Meta:
        model = Project
        fields = [
            "fiscal_year",
            "name",
            "location",
            "latitude",
            "longitude",
            "volume",
            "unit",
            "implementer",
            "budget",
            "start_date",
            "end_date",
            "lines",
            "description",
            "is_published",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "lines": forms.CheckboxSelectMultiple,
        }
        field_classes = {"fiscal_year": YearChoiceField, "lines": LineChoiceField}

    def __init__(self, *args: Any, village: Village, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.village = village
        years = FiscalYear.objects.for_village(village)
        first = years.first()
        year = self.instance.fiscal_year_id or (first.pk if first else None)
        self.fields["fiscal_year"].queryset = years  # type: ignore[attr-defined]
        self.fields["lines"].queryset = (  # type: ignore[attr-defined]
            BudgetLine.objects.for_village(village)
            .filter(fiscal_year_id=year, kind=BudgetLine.Kind.SPENDING)
            .select_related("kegiatan", "account")
        )

    def clean_budget(self) -> int:
        return self.cleaned_data["budget"] or 0

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        point_clean(self, near=self.village.office_point)
        return data


class ProgressForm(forms.ModelForm):
    photo = upload_field(gettext_lazy("Foto"))

    class Meta:
        model = ProgressReport
        fields = ["date", "percentage", "note", "photo_alt"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "percentage": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
        }

    def clean_percentage(self) -> int:
        value = self.cleaned_data["percentage"]
        if value is None or not 0 <= value <= 100:
            raise ValidationError(_("Isi angka 0 sampai 100."))
        return value

    def clean_photo(self) -> EncodedImage | None:
        return clean_image(self.cleaned_data.get("photo"), max_side=1600)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("photo") and not data.get("photo_alt"):
            self.add_error("photo_alt", _("Tulis apa yang terlihat di foto."))
        return data


SOURCE_CHOICES = Source.choices
