"""Reading an uploaded register file (.xlsx, .xls, .ods via python-calamine; .csv via csv) into
a header and rows of cell values, refusing what would hurt the server first: oversized files,
zip bombs, files that are not spreadsheets."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_UPLOAD = 50 * 1024 * 1024
# A spreadsheet zip whose parts would unpack past this is refused before any parsing.
MAX_UNPACKED = 400 * 1024 * 1024
MAX_RATIO = 200

COLUMNS = (
    "alamat dusun rw rt nama no_kk nik sex tempatlahir tanggallahir agama_id pendidikan_kk_id "
    "pendidikan_sedang_id pekerjaan_id status_kawin kk_level warganegara_id ayah_nik nama_ayah "
    "ibu_nik nama_ibu golongan_darah_id akta_lahir dokumen_pasport tanggal_akhir_paspor "
    "dokumen_kitas akta_perkawinan tanggalperkawinan akta_perceraian tanggalperceraian cacat_id "
    "cara_kb_id hamil ktp_el status_rekam alamat_sekarang status_dasar suku tag_id_card "
    "id_asuransi no_asuransi lat lng"
).split()
assert len(COLUMNS) == 43


class ImportFileError(ValueError):
    """The whole file is refused; the message is for the admin who uploaded it."""


@dataclass
class Sheet:
    header: list[str]
    rows: Iterator[list]  # cell values in header order, one list per spreadsheet row
    count: int  # number of data rows (for the progress bar)
    merged: bool = False


def sniff_kind(head: bytes, name: str) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "ods" if name.lower().endswith(".ods") else "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError:
        # A cut multi-byte character at the end of the sample is still text.
        try:
            head[:-3].decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFileError(_unsupported()) from None
    if b"\x00" in head or not name.lower().endswith(".csv"):
        raise ImportFileError(_unsupported())
    return "csv"


def _unsupported() -> str:
    return _(
        "Berkas ini bukan .xlsx, .xls, .ods atau .csv. Simpan ulang dari Excel atau LibreOffice."
    )


def check_zip(data: io.BufferedIOBase) -> None:
    """Sum the declared sizes in the zip directory: a bomb is refused without unpacking it."""
    try:
        with zipfile.ZipFile(data) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ImportFileError(_("Berkas rusak dan tidak dapat dibuka.")) from exc
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > MAX_UNPACKED or (unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise ImportFileError(
            _("Isi berkas terlalu besar setelah dibuka. Bagi menjadi beberapa berkas.")
        )
    data.seek(0)


def has_formulas(data: io.BufferedIOBase) -> bool:
    """Whether the first worksheet of an .xlsx holds formulas (<f> elements), read in chunks."""
    try:
        with zipfile.ZipFile(data) as archive, archive.open("xl/worksheets/sheet1.xml") as part:
            tail = b""
            while chunk := part.read(1 << 20):
                block = tail + chunk
                if b"<f>" in block or b"<f " in block:
                    return True
                tail = block[-4:]
    except KeyError:
        return False
    finally:
        data.seek(0)
    return False


def _header(cells: list) -> list[str]:
    return [str(c or "").strip().lower() for c in cells]


def _check_header(header: list[str]) -> None:
    present = [h for h in header if h]
    missing = [c for c in COLUMNS if c not in present]
    unknown = [h for h in present if h not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("kolom yang tidak ada: %(cols)s") % {"cols": ", ".join(missing)})
        if unknown:
            parts.append(_("kolom yang tidak dikenal: %(cols)s") % {"cols": ", ".join(unknown)})
        raise ImportFileError(
            _("Baris pertama harus berisi 43 nama kolom templat; %(parts)s.")
            % {"parts": "; ".join(parts)}
        )


def _reorder(header: list[str], rows: Iterator[list]) -> Iterator[list]:
    index = [header.index(c) for c in COLUMNS]
    for row in rows:
        row = list(row) + [""] * (len(header) - len(row))
        yield [row[i].strip() if type(row[i]) is str else row[i] for i in index]


def read_sheet(data: io.BufferedIOBase, kind: str) -> Sheet:
    if kind == "csv":
        return _read_csv(data)
    if kind in ("xlsx", "ods"):
        check_zip(data)
    if kind == "xlsx" and has_formulas(data):
        # A formula's stored result may be stale or empty; the register needs the values.
        raise ImportFileError(
            _(
                "Lembar pertama berisi rumus (formula). Salin semua sel lalu Tempel Nilai "
                "(Paste Values), simpan, lalu unggah lagi."
            )
        )
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(data)
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.iter_rows()
        header = _header(next(rows, []))
        merged = bool(sheet.merged_cell_ranges) if kind == "xlsx" else False
    except (CalamineError, ValueError, OSError) as exc:
        raise ImportFileError(_("Berkas rusak dan tidak dapat dibuka.")) from exc
    if not any(header):
        raise ImportFileError(_("Berkas kosong: tidak ada baris judul kolom."))
    _check_header(header)
    return Sheet(header, _reorder(header, rows), max(sheet.height - 1, 0), merged)


def _read_csv(data: io.BufferedIOBase) -> Sheet:
    text = io.TextIOWrapper(data, encoding="utf-8-sig", newline="")
    sample = text.read(4096)
    text.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    count = max(sum(1 for _line in text) - 1, 0)
    text.seek(0)
    reader = csv.reader(text, delimiter=delimiter)
    header = _header(next(reader, []))
    if not any(header):
        raise ImportFileError(_("Berkas kosong: tidak ada baris judul kolom."))
    _check_header(header)
    return Sheet(header, _reorder(header, reader), count)
