"""One spreadsheet row → the values of one resident, or the reasons it is refused.

Coded cells take the code or its label in any case; dates take real dates, Excel serials,
yyyy-mm-dd and dd-mm-yyyy. Every problem names its column, in Indonesian.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from balai.population import codes, nik

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
EXCEL_EPOCH = date(1899, 12, 30)


@dataclass
class Parsed:
    number: int  # the spreadsheet row number people see (header is row 1)
    values: dict = field(default_factory=dict)  # Resident field → value
    family: str = ""
    address: str = ""
    area: tuple[str, str, str] | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)


# Cells arrive with text already stripped (import_reader), so blank means None or "".
def _blank(value: object) -> bool:
    return value is None or value == ""


def _text(value: object) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value: object) -> date | None:
    """A date from a date cell, an Excel serial or text; raises ValueError when unreadable."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 < value < 80000:
        return EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text[:10], pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _code(row: Parsed, column: str, value: object) -> None:
    target, name = CODED[column]
    if _blank(value):
        row.values[target] = None
        return
    code = codes.parse(name, value)
    if code is None:
        row.errors.append(
            (column, _("“%(v)s” bukan kode atau nama yang dikenal.") % {"v": _text(value)[:40]})
        )
    row.values[target] = code


def _dates(row: Parsed, cells: dict, today: date) -> None:
    for column, target in DATES.items():
        try:
            value = parse_date(cells[column])
        except ValueError:
            row.errors.append(
                (column, _("Tanggal tidak terbaca. Tulis sebagai 2024-08-17 atau 17-08-2024."))
            )
            value = None
        if value and value > today and column != "tanggal_akhir_paspor":
            row.errors.append((column, _("Tanggal ini ada di masa depan.")))
        row.values[target] = value
    if row.values["birth_date"] is None and not any(c == "tanggallahir" for c, _r in row.errors):
        row.errors.append(("tanggallahir", _("Tanggal lahir wajib diisi.")))


def _coords(row: Parsed, cells: dict) -> None:
    for column, target in (("lat", "latitude"), ("lng", "longitude")):
        text = _text(cells[column]).replace(",", ".")
        try:
            value = Decimal(text).quantize(Decimal("0.000001")) if text else None
        except InvalidOperation:
            row.errors.append((column, _("Koordinat harus berupa angka.")))
            value = None
        if value is not None and not -180 <= value <= 180:
            row.errors.append((column, _("Koordinat di luar batas.")))
            value = None
        row.values[target] = value


def _parent_nik(row: Parsed, cells: dict, column: str, target: str) -> None:
    text, rounded = nik.cell_text(cells[column])
    if rounded:
        row.errors.append((column, nik.rounded_message()))
    elif text and text != "0" and not nik.DIGITS16.match(text):
        row.errors.append((column, _("Isi NIK dengan 16 angka, atau kosongkan.")))
    row.values[target] = text if text != "0" else ""


def parse_row(number: int, cells: dict, *, region_digits: str, today: date) -> Parsed:
    row = Parsed(number)
    for column in CODED:
        _code(row, column, cells[column])
    for column, (target, limit) in TEXT.items():
        text = _text(cells[column])
        if "  " in text or "\n" in text or "\t" in text:
            text = " ".join(text.split())
        if len(text) > limit:
            row.errors.append(
                (column, _("Terlalu panjang (paling banyak %(n)s huruf).") % {"n": limit})
            )
        row.values[target] = text[:limit]
    if not row.values["name"]:
        row.errors.append(("nama", _("Nama wajib diisi.")))
    if _blank(cells["sex"]):
        row.errors.append(("sex", _("Jenis kelamin wajib diisi (L atau P).")))
    if _blank(cells["kk_level"]):
        row.errors.append(("kk_level", _("Hubungan dalam keluarga wajib diisi.")))
    if row.values["status"] is None:
        row.values["status"] = 1
    _dates(row, cells, today)
    _coords(row, cells)
    _parent_nik(row, cells, "ayah_nik", "father_nik")
    _parent_nik(row, cells, "ibu_nik", "mother_nik")
    kk = nik.check_kk(cells["no_kk"])
    row.family = kk.value
    row.errors += [("no_kk", e) for e in kk.errors]
    checked = nik.check_nik(
        cells["nik"],
        birth_date=row.values["birth_date"],
        sex=row.values["sex"],
        region_digits=region_digits,
    )
    row.values["nik"] = checked.value
    row.values["nik_warning"] = " ".join(checked.warnings)[:200]
    row.errors += [("nik", e) for e in checked.errors]
    row.warnings += [("nik", w) for w in checked.warnings]
    row.address = _text(cells["alamat"])[:200]
    place = tuple(_text(cells[c])[:limit] for c, limit in (("dusun", 60), ("rw", 10), ("rt", 10)))
    # RW/RT typed as 1, "01" or "001" name the same place.
    place = tuple(p.zfill(3) if p.isdigit() and i else p for i, p in enumerate(place))
    row.area = place if all(place) else None
    return row
