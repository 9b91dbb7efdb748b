"""Make the resident sheets OpenSID's own "Ekspor penduduk" gives, from the shared reference
backup (../shared/reference/opensid/, Desa Senggigi, OpenSID v2410), for the import tests.

Not a test: run it by hand when the reference changes. It needs the backup loaded into MariaDB:

    mysql -h127.0.0.1 -uroot -e "CREATE DATABASE opensid_ref CHARACTER SET utf8mb4"
    (echo 'SET FOREIGN_KEY_CHECKS=0;'; zcat opensid_backup.sql.gz) | mysql --force opensid_ref
    python balai/population/tests/data/opensid/make_export.py --database opensid_ref

What OpenSID does (Penduduk::ekspor and Ekspor_model::expor in v2410, read, not copied):
- one header row with the 43 column names of the import template (Impor_model::$daftar_kolom);
- one row per resident from tweb_penduduk joined with its family (alamat, no_kk), its wilayah
  row (dusun, rw, rt) and tweb_penduduk_map (lat, lng), ordered by no_kk; the list's filters
  apply, and the list opens filtered on status_dasar = 1 (alive), so the default export holds
  the living residents only;
- every value as text, as the database returns it: codes as "1", dates as yyyy-mm-dd;
- a stored "0" becomes an empty cell except in nik and no_kk; an empty dusun, rw or rt
  becomes "-"; a value with a double quote is wrapped in quotes with the quote doubled;
- id_asuransi is selected under the name "asuransi", so its column is always empty;
- OpenSpout writes the workbook: inline strings, no <dimension> element, empty cells left out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

COLUMNS = (
    "alamat dusun rw rt nama no_kk nik sex tempatlahir tanggallahir agama_id pendidikan_kk_id "
    "pendidikan_sedang_id pekerjaan_id status_kawin kk_level warganegara_id ayah_nik nama_ayah "
    "ibu_nik nama_ibu golongan_darah_id akta_lahir dokumen_pasport tanggal_akhir_paspor "
    "dokumen_kitas akta_perkawinan tanggalperkawinan akta_perceraian tanggalperceraian cacat_id "
    "cara_kb_id hamil ktp_el status_rekam alamat_sekarang status_dasar suku tag_id_card "
    "id_asuransi no_asuransi lat lng"
).split()
SOURCES = {
    "alamat": "k.alamat",
    "dusun": "c.dusun",
    "rw": "c.rw",
    "rt": "c.rt",
    "no_kk": "k.no_kk",
    "lat": "m.lat",
    "lng": "m.lng",
    "id_asuransi": "NULL",  # selected as p.id_asuransi AS asuransi: the export never fills it
}
DATES = ("tanggallahir", "tanggalperceraian", "tanggalperkawinan", "tanggal_akhir_paspor")
HERE = Path(__file__).parent


def query(database: str, where: str) -> list[dict]:
    pairs = ", ".join(f"'{c}', {SOURCES.get(c, 'p.' + c)}" for c in COLUMNS)
    sql = (
        f"SELECT JSON_OBJECT({pairs}) FROM tweb_penduduk p "
        "LEFT JOIN tweb_keluarga k ON k.id = p.id_kk "
        "LEFT JOIN tweb_wil_clusterdesa c ON p.id_cluster = c.id "
        "LEFT JOIN tweb_penduduk_map m ON p.id = m.id "
        f"WHERE p.config_id = 1 {where} ORDER BY k.no_kk ASC"
    )
    out = subprocess.run(
        ["mysql", "-h127.0.0.1", "-uroot", "--batch", "--raw", "-N", database, "-e", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line]


def clean(row: dict) -> list[str | None]:
    values = []
    for column in COLUMNS:
        value = row[column]
        text = None if value is None else str(value)
        if text is not None and '"' in text:
            text = '"' + text.replace('"', '""') + '"'
        if text == "0" and column not in ("nik", "no_kk"):
            text = ""
        if column in DATES and text:
            text = text[:10]
        if column in ("dusun", "rw", "rt") and not text:
            text = "-"
        values.append(text)
    return values


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_xml(rows: list[list[str | None]]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<sheetData>"
    ]
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{column_letter(c)}{r}" s="0" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
            for c, v in enumerate(row)
            if v not in (None, "")
        )
        out.append(f'<row r="{r}" spans="1:{len(row)}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types '
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default ContentType="application/xml" Extension="xml"/>'
        '<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" '
        'Extension="rels"/><Override ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'styles+xml" PartName="/xl/styles.xml"/><Override ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook'
        '.xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdWorkbook" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://'
        'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" '
        'sheetId="1" r:id="rIdSheet1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" '
        'Target="styles.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles"/><Relationship Id="rIdSheet1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet"/></Relationships>'
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://'
        'schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz '
        'val="12"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill '
        'patternType="none"/></fill></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0"/>'
        '</cellStyleXfs><cellXfs count="1"><xf borderId="0" fillId="0" fontId="0" '
        'numFmtId="0" xfId="0"/></cellXfs></styleSheet>'
    ),
}


def write(path: Path, rows: list[dict]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in PARTS.items():
            # A fixed date keeps the committed file byte-for-byte reproducible.
            book.writestr(zipfile.ZipInfo(name, (2026, 12, 6, 14, 33, 4)), text)
        sheet = sheet_xml([COLUMNS] + [clean(r) for r in rows])
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2026, 12, 6, 14, 33, 4))
        info.compress_type = zipfile.ZIP_DEFLATED
        book.writestr(info, sheet)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="opensid_ref")
    args = parser.parse_args()
    alive = query(args.database, "AND p.status_dasar = 1")
    everyone = query(args.database, "")
    write(HERE / "senggigi_penduduk.xlsx", alive)
    write(HERE / "senggigi_penduduk_semua.xlsx", everyone)
    print(f"{len(alive)} alive, {len(everyone)} in all")  # noqa: T201


if __name__ == "__main__":
    main()
