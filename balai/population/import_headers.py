"""The register file's column headers in Indonesian, with the hint each column gets in the
template, and the spellings the importer accepts.

OpenSID's layout names its columns with database codes (`kk_level`, `status_dasar`); its
exports keep them and the importer keeps reading them. The template a village downloads names
the same columns the way the KK does ("Hubungan dalam keluarga"), followed by a short hint in
brackets — "(pilih)" for a column with a dropdown, "(tttt-bb-hh)" for a date — and a "*" on the
columns a row cannot do without. The importer reads a header with or without the hint and the
star (`balai.imports.registry.Columns` ignores bracketed text and stars), in any case.

The labels are data, not interface text: they stay Indonesian in every language, so a file
filled in by one admin imports for another whatever language either reads.
"""

from __future__ import annotations

from balai.population.import_rows import CODED, DATES, REQUIRED

LABELS = {
    "alamat": "Alamat",
    "dusun": "Dusun",
    "rw": "RW",
    "rt": "RT",
    "nama": "Nama lengkap",
    "no_kk": "No. KK",
    "nik": "NIK",
    "sex": "Jenis kelamin",
    "tempatlahir": "Tempat lahir",
    "tanggallahir": "Tanggal lahir",
    "agama_id": "Agama",
    "pendidikan_kk_id": "Pendidikan dalam KK",
    "pendidikan_sedang_id": "Pendidikan sedang ditempuh",
    "pekerjaan_id": "Pekerjaan",
    "status_kawin": "Status perkawinan",
    "kk_level": "Hubungan dalam keluarga",
    "warganegara_id": "Kewarganegaraan",
    "ayah_nik": "NIK ayah",
    "nama_ayah": "Nama ayah",
    "ibu_nik": "NIK ibu",
    "nama_ibu": "Nama ibu",
    "golongan_darah_id": "Golongan darah",
    "akta_lahir": "No. akta lahir",
    "dokumen_pasport": "No. paspor",
    "tanggal_akhir_paspor": "Tanggal akhir paspor",
    "dokumen_kitas": "No. KITAS/KITAP",
    "akta_perkawinan": "No. akta perkawinan",
    "tanggalperkawinan": "Tanggal perkawinan",
    "akta_perceraian": "No. akta perceraian",
    "tanggalperceraian": "Tanggal perceraian",
    "cacat_id": "Disabilitas",
    "cara_kb_id": "Cara KB",
    "hamil": "Status kehamilan",
    "ktp_el": "KTP-el",
    "status_rekam": "Status rekam KTP-el",
    "alamat_sekarang": "Alamat sekarang",
    "status_dasar": "Status dasar",
    "suku": "Suku",
    "tag_id_card": "Tag ID card",
    "id_asuransi": "Asuransi kesehatan",
    "no_asuransi": "No. asuransi",
    "lat": "Lintang",
    "lng": "Bujur",
}
# Other spellings seen in village sheets.
MORE = {
    "nama": ("nama",),
    "no_kk": ("nomor kk", "no kk", "nomor kartu keluarga"),
    "sex": ("jk", "l/p"),
    "kk_level": ("shdk", "hubungan keluarga", "status hubungan dalam keluarga"),
    "tanggallahir": ("tgl lahir", "tgl. lahir"),
    "status_kawin": ("status kawin",),
    "cacat_id": ("cacat",),
    "lat": ("latitude",),
    "lng": ("longitude",),
}
DATE_HINT = "tttt-bb-hh"
CHOOSE_HINT = "pilih"


def header(column: str) -> str:
    """The template's header cell: "Hubungan dalam keluarga * (pilih)"."""
    text = LABELS[column]
    if column in REQUIRED:
        text += " *"
    if column in CODED:
        text += f" ({CHOOSE_HINT})"
    elif column in DATES:
        text += f" ({DATE_HINT})"
    return text


def aliases() -> dict[str, tuple[str, ...]]:
    """column → the other spellings the importer accepts (lower case, hints left off)."""
    table: dict[str, tuple[str, ...]] = {}
    for column, label in LABELS.items():
        spellings = {label.lower(), *MORE.get(column, ())} - {column}
        if spellings:
            table[column] = tuple(sorted(spellings))
    return table
