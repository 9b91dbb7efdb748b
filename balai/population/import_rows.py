"""One row of a register file → the values of one resident, or the reasons it is refused.

The file is OpenSID's import layout (43 columns; OpenSID's own "Ekspor penduduk" gives it, and
so does Balai's export). Coded cells take the code or its label in any case ("-" is empty, as in
OpenSID); dates take real dates, Excel serials, yyyy-mm-dd and dd-mm-yyyy. Every problem names
its column, in Indonesian. A register has 100,000 rows: lookups are cached per run, and values
stay JSON-native (dates as yyyy-mm-dd text, coordinates as decimal text) so the rows kept
between check and write need no conversion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from django.utils.translation import gettext as _

from balai.imports.registry import Issues, RowRef
from balai.population import codes, nik

COLUMNS = (
    "alamat dusun rw rt nama no_kk nik sex tempatlahir tanggallahir agama_id pendidikan_kk_id "
    "pendidikan_sedang_id pekerjaan_id status_kawin kk_level warganegara_id ayah_nik nama_ayah "
    "ibu_nik nama_ibu golongan_darah_id akta_lahir dokumen_pasport tanggal_akhir_paspor "
    "dokumen_kitas akta_perkawinan tanggalperkawinan akta_perceraian tanggalperceraian cacat_id "
    "cara_kb_id hamil ktp_el status_rekam alamat_sekarang status_dasar suku tag_id_card "
    "id_asuransi no_asuransi lat lng"
).split()
assert len(COLUMNS) == 43
# What a row cannot do without; an older OpenSID layout may lack the others (read as empty).
REQUIRED = frozenset({"nama", "no_kk", "nik", "sex", "tanggallahir", "kk_level"})

# spreadsheet column → (Resident field, code list)
CODED = {
    "sex": ("sex", "jenis_kelamin"),
    "agama_id": ("religion", "agama"),
    "pendidikan_kk_id": ("education_kk", "pendidikan_dalam_kk"),
    "pendidikan_sedang_id": ("education_current", "pendidikan_sedang_ditempuh"),
    "pekerjaan_id": ("occupation", "pekerjaan"),
    "status_kawin": ("marital_status", "status_perkawinan"),
    "kk_level": ("family_relation", "hubungan_dalam_keluarga_shdk"),
    "warganegara_id": ("citizenship", "kewarganegaraan"),
    "golongan_darah_id": ("blood_type", "golongan_darah"),
    "cacat_id": ("disability", "cacat"),
    "cara_kb_id": ("contraception", "cara_kb"),
    "hamil": ("pregnant", "status_kehamilan"),
    "ktp_el": ("ktp_el", "ktp_el"),
    "status_rekam": ("ktp_record_status", "status_rekam_ktp_el"),
    "status_dasar": ("status", "status_dasar"),
    "id_asuransi": ("insurance", "asuransi_kesehatan"),
}
TEXT = {
    "nama": ("name", 120),
    "tempatlahir": ("birth_place", 80),
    "nama_ayah": ("father_name", 120),
    "nama_ibu": ("mother_name", 120),
    "akta_lahir": ("birth_certificate", 60),
    "dokumen_pasport": ("passport", 40),
    "dokumen_kitas": ("kitas", 40),
    "akta_perkawinan": ("marriage_certificate", 60),
    "akta_perceraian": ("divorce_certificate", 60),
    "alamat_sekarang": ("current_address", 200),
    "suku": ("ethnicity", 60),
    "tag_id_card": ("card_tag", 40),
    "no_asuransi": ("insurance_number", 40),
}
DATES = {
    "tanggallahir": "birth_date",
    "tanggal_akhir_paspor": "passport_expiry",
    "tanggalperkawinan": "marriage_date",
    "tanggalperceraian": "divorce_date",
}
# Resident fields an import writes, in a fixed order (compared to spot unchanged rows).
FIELDS = (
    ["nik", "nik_warning"]
    + [f for f, _l in TEXT.values()]
    + [f for f, _l in CODED.values()]
    + list(DATES.values())
    + ["father_nik", "mother_nik", "latitude", "longitude"]
)
I = {name: i for i, name in enumerate(FIELDS)}  # noqa: E741 - index of a field in `values`
C = {name: i for i, name in enumerate(COLUMNS)}  # index of a column in the cells
DATE_FIELDS = frozenset(I[f] for f in DATES.values())
# (cell index, value index, column) of each kind of column, for the hot loop below.
CODED_PLAN = tuple((C[c], I[t], c) for c, (t, _list) in CODED.items())
TEXT_PLAN = tuple((C[c], I[t], limit, c) for c, (t, limit) in TEXT.items())
DECIMAL_FIELDS = frozenset((I["latitude"], I["longitude"]))
EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = ("%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%Y-%m-%d")
_SIX = Decimal("0.000001")


class ResidentRow(NamedTuple):
    """One parsed row: where it is, the values in FIELDS order, its family (No. KK), the
    family's address and its RT (dusun, rw, rt) when all three are given."""

    ref: RowRef
    values: list[Any]
    family: str
    address: str
    area: tuple[str, str, str] | None


def parse_date(value: object) -> date | None:
    """A date from a date cell, an Excel serial or text; raises ValueError when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 80000:
        return EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip().lstrip("'")
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for pattern in _DATE_PATTERNS:
        try:
            return datetime.strptime(text[:10], pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _iso(value: object) -> str | None:
    """parse_date as yyyy-mm-dd text, with a fast path for text already in that form."""
    if type(value) is str and len(value) == 10 and value[4] == "-":
        try:
            date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    found = parse_date(value)
    return found.isoformat() if found else None


def _text(value: object) -> str:
    if type(value) is str:
        text = value.strip()
        if "  " in text or "\n" in text or "\t" in text or "\r" in text:
            text = " ".join(text.split())
        return text
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


@dataclass(frozen=True)
class Messages:
    """The row rules' sentences, translated once per run."""

    code: str
    too_long: str
    name: str
    sex: str
    relation: str
    unreadable_date: str
    future: str
    birth: str
    coordinate: str
    coordinate_range: str
    parent_nik: str
    nik: nik.Messages

    @classmethod
    def make(cls) -> Messages:
        return cls(
            code=_("“%(v)s” bukan kode atau nama yang dikenal."),
            too_long=_("Terlalu panjang (paling banyak %(n)s huruf)."),
            name=_("Nama wajib diisi."),
            sex=_("Jenis kelamin wajib diisi (L atau P)."),
            relation=_("Hubungan dalam keluarga wajib diisi."),
            unreadable_date=_("Tanggal tidak terbaca. Tulis sebagai 2024-08-17 atau 17-08-2024."),
            future=_("Tanggal ini ada di masa depan."),
            birth=_("Tanggal lahir wajib diisi."),
            coordinate=_("Koordinat harus berupa angka."),
            coordinate_range=_("Koordinat di luar batas."),
            parent_nik=_("Isi NIK dengan 16 angka, atau kosongkan."),
            nik=nik.messages(),
        )


_MISSING = object()
NAME, BIRTH, SEX = I["name"], I["birth_date"], I["sex"]
NIK, NIK_WARNING = I["nik"], I["nik_warning"]
PARENT_PLAN = (
    ("ayah_nik", C["ayah_nik"], I["father_nik"]),
    ("ibu_nik", C["ibu_nik"], I["mother_nik"]),
)


def _place(value: object, limit: int) -> str:
    text = _text(value).lstrip("'")[:limit]
    # RW/RT typed as 1, "01" or "001" name the same place.
    return text.zfill(3) if text.isdigit() else text


def _area(cells: list[Any]) -> tuple[str, str, str] | None:
    dusun = _text(cells[C["dusun"]])[:60]
    rw, rt = _place(cells[C["rw"]], 10), _place(cells[C["rt"]], 10)
    return (dusun, rw, rt) if dusun and rw and rt else None


class RowRules:
    """Parses rows for one village: its region code (NIK checks) and today (no future dates)."""

    def __init__(self, *, region_digits: str, today: date) -> None:
        self.region_digits = region_digits
        self.today = today.isoformat()
        self.m = Messages.make()
        self.codes: dict[str, dict[object, int | None]] = {c: {} for c in CODED}
        # One object for each repeated value (No. KK, address, place of birth, RT): the rows
        # kept between check and write are smaller and load faster (marshal refers back).
        self.texts: dict[str, str] = {}
        self.areas: dict[tuple[str, str, str], tuple[str, str, str]] = {}

    def shared(self, text: str) -> str:
        return self.texts.setdefault(text, text)

    def _code(self, column: str, value: object, ref: RowRef, issues: Issues) -> int | None:
        cache = self.codes[column]
        try:
            code = cache[value]
        except KeyError:
            text = value.strip() if type(value) is str else value
            if text == "-" or text == "":
                code = None
            else:
                code = codes.parse(CODED[column][1], text)
                if code is None:
                    code = -1
            cache[value] = code
        except TypeError:  # an unhashable cell: never from a spreadsheet, but be safe
            code = codes.parse(CODED[column][1], value)
        if code == -1:
            issues.error(ref, column, self.m.code % {"v": _text(value)[:40]})
            return None
        return code

    def __call__(self, ref: RowRef, cells: list[Any], issues: Issues) -> ResidentRow:
        values: list[Any] = [None] * len(FIELDS)
        caches = self.codes
        for cell, index, column in CODED_PLAN:
            value = cells[cell]
            if value is None or value == "":
                continue
            code = caches[column].get(value, _MISSING)
            if code is _MISSING or code == -1:
                code = self._code(column, value, ref, issues)
            values[index] = code
        too_long = self.m.too_long
        for cell, index, limit, column in TEXT_PLAN:
            value = cells[cell]
            if value is None or value == "":
                values[index] = ""
                continue
            text = _text(value)
            if text == "-" and index != NAME:
                text = ""
            elif len(text) > limit:
                issues.error(ref, column, too_long % {"n": limit})
                text = text[:limit]
            values[index] = text if index == NAME else self.shared(text)
        self._required(ref, cells, values, issues)
        self._dates(ref, cells, values, issues)
        lat, lng = cells[C["lat"]], cells[C["lng"]]
        if (lat is not None and lat != "") or (lng is not None and lng != ""):
            self._coordinates(ref, cells, values, issues)
        for column, cell, index in PARENT_PLAN:
            value = cells[cell]
            if value is not None and value != "":
                values[index] = self._parent(ref, value, column, issues)
            else:
                values[index] = ""
        family = self._family(ref, cells[C["no_kk"]], issues)
        self._nik(ref, cells[C["nik"]], values, issues)
        area = _area(cells)
        return ResidentRow(
            ref,
            values,
            self.shared(family),
            self.shared(_text(cells[C["alamat"]])[:200]),
            self.areas.setdefault(area, area) if area else None,
        )

    def _family(self, ref: RowRef, raw: object, issues: Issues) -> str:
        if type(raw) is str and len(raw) == 16 and raw.isdigit() and raw.isascii():
            return raw  # the usual cell: nothing to say
        kk = nik.check_kk(raw, self.m.nik)
        for error in kk.errors:
            issues.error(ref, "no_kk", error)
        return kk.value

    def _nik(self, ref: RowRef, raw: object, values: list[Any], issues: Issues) -> None:
        birth = values[BIRTH]
        if (
            type(raw) is str
            and len(raw) == 16
            and raw.isdigit()
            and raw.isascii()
            and raw[:6] == self.region_digits[:6]
            and birth
        ):
            # The usual NIK: issued in this kecamatan, its date part the birth date.
            day = int(birth[8:10]) + (40 if values[SEX] == nik.FEMALE else 0)
            if raw[6:12] == f"{day:02d}{birth[5:7]}{birth[2:4]}":
                values[NIK], values[NIK_WARNING] = raw, ""
                return
        checked = nik.check_nik(
            raw,
            birth_date=birth,
            sex=values[SEX],
            region_digits=self.region_digits,
            msgs=self.m.nik,
        )
        values[NIK] = checked.value
        values[NIK_WARNING] = " ".join(checked.warnings)[:200] if checked.warnings else ""
        for error in checked.errors:
            issues.error(ref, "nik", error)
        for warning in checked.warnings:
            issues.warn(ref, "nik", warning)

    def _required(self, ref: RowRef, cells: list[Any], values: list[Any], issues: Issues) -> None:
        if not values[I["name"]]:
            issues.error(ref, "nama", self.m.name)
        if cells[C["sex"]] is None or cells[C["sex"]] == "":
            issues.error(ref, "sex", self.m.sex)
        if cells[C["kk_level"]] is None or cells[C["kk_level"]] == "":
            issues.error(ref, "kk_level", self.m.relation)
        if values[I["status"]] is None:
            values[I["status"]] = 1

    def _dates(self, ref: RowRef, cells: list[Any], values: list[Any], issues: Issues) -> None:
        for column, target in DATES.items():
            raw = cells[C[column]]
            if (raw is None or raw == "") and column != "tanggallahir":
                continue
            try:
                value = _iso(raw)
            except ValueError:
                issues.error(ref, column, self.m.unreadable_date)
                value = None
                if column == "tanggallahir":
                    values[I[target]] = None
                    continue
            if value and value > self.today and column != "tanggal_akhir_paspor":
                issues.error(ref, column, self.m.future)
            values[I[target]] = value
            if column == "tanggallahir" and value is None:
                issues.error(ref, column, self.m.birth)

    def _coordinates(
        self, ref: RowRef, cells: list[Any], values: list[Any], issues: Issues
    ) -> None:
        for column, target in (("lat", "latitude"), ("lng", "longitude")):
            text = _text(cells[C[column]]).replace(",", ".")
            value = None
            if text and text != "-":
                try:
                    number = Decimal(text).quantize(_SIX)
                except InvalidOperation:
                    issues.error(ref, column, self.m.coordinate)
                else:
                    if -180 <= number <= 180:
                        value = str(number)
                    else:
                        issues.error(ref, column, self.m.coordinate_range)
            values[I[target]] = value

    def _parent(self, ref: RowRef, value: object, column: str, issues: Issues) -> str:
        text, rounded = nik.cell_text(value)
        if rounded:
            issues.error(ref, column, self.m.nik.rounded)
        elif (
            text
            and text not in ("0", "-")
            and not (len(text) == 16 and text.isdigit() and text.isascii())
        ):
            issues.error(ref, column, self.m.parent_nik)
        return text if text not in ("0", "-") else ""
