"""The district's first list of counter services: the letters a village office writes every
week and a few services without a letter. Loaded into DefaultService by migration 0002 and by
`default_services_seed()`; district admins change it on the district dashboard afterwards.

Each entry holds the service-standard components a village publishes (Permenpan-RB 15/2014,
Permendagri 2/2017): requirements, procedure, time, cost, product, officer, complaints, legal
basis. Text is plain Indonesian; one line per requirement or step.
"""

from __future__ import annotations

from typing import Any

KTP_KK = "Fotokopi KTP-el pemohon\nFotokopi Kartu Keluarga"
PENGANTAR = "Surat pengantar RT/RW"
PROCEDURE = (
    "Pemohon mengajukan permohonan di kantor desa atau lewat situs desa\n"
    "Petugas memeriksa persyaratan dan mencocokkan data dengan register penduduk\n"
    "Sekretaris Desa memeriksa konsep surat\n"
    "Kepala Desa menandatangani surat\n"
    "Surat diserahkan kepada pemohon (diambil di kantor atau diunduh sekali lewat situs)"
)
COMPLAINTS = (
    "Sampaikan pengaduan, saran atau masukan kepada Sekretaris Desa di kantor desa, lewat "
    "kotak saran di ruang pelayanan, atau lewat SP4N-LAPOR! (www.lapor.go.id)."
)
LEGAL = (
    "UU 6/2014 tentang Desa\nUU 25/2009 tentang Pelayanan Publik\n"
    "Permendagri 2/2017 tentang Standar Pelayanan Minimal Desa"
)
ADMINDUK = (
    LEGAL + "\nUU 24/2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan"
)
OFFICER = "Kaur Tata Usaha dan Umum, ditandatangani Kepala Desa"
FREE = "Gratis (tidak dipungut biaya)"


def _letter(
    slug: str, name: str, key: str, summary: str, needs: str, order: int, **extra: Any
) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": name,
        "letter_key": key,
        "summary": summary,
        "online": extra.pop("online", True),
        "requirements": f"{PENGANTAR}\n{KTP_KK}" + (f"\n{needs}" if needs else ""),
        "procedure": PROCEDURE,
        "duration_days": extra.pop("duration_days", 1),
        "cost": FREE,
        "product": name,
        "officer": OFFICER,
        "complaints": COMPLAINTS,
        "legal_basis": extra.pop("legal_basis", LEGAL),
        "order": order,
        **extra,
    }


DEFAULT_SERVICES: list[dict[str, Any]] = [
    _letter(
        "surat-domisili",
        "Surat Keterangan Domisili",
        "domisili",
        "Keterangan bahwa Anda bertempat tinggal di desa ini.",
        "",
        10,
    ),
    _letter(
        "surat-usaha",
        "Surat Keterangan Usaha",
        "usaha",
        "Keterangan bahwa Anda menjalankan usaha di desa ini, misalnya untuk kredit usaha.",
        "Foto tempat usaha",
        20,
    ),
    _letter(
        "surat-tidak-mampu",
        "Surat Keterangan Tidak Mampu (SKTM)",
        "tidak-mampu",
        "Untuk keringanan biaya sekolah, berobat atau bantuan.",
        "Keterangan keperluan (sekolah, rumah sakit, dll.)",
        30,
    ),
    _letter(
        "surat-kelahiran",
        "Surat Keterangan Kelahiran",
        "kelahiran",
        "Untuk mengurus akta kelahiran di Dinas Dukcapil.",
        "Surat keterangan lahir dari bidan/rumah sakit\nBuku nikah/akta perkawinan orang tua",
        40,
        legal_basis=ADMINDUK,
    ),
    _letter(
        "surat-kematian",
        "Surat Keterangan Kematian",
        "kematian",
        "Untuk mengurus akta kematian dan perubahan Kartu Keluarga.",
        "KTP-el almarhum/almarhumah\nSurat keterangan dari rumah sakit/dokter bila ada",
        50,
        legal_basis=ADMINDUK,
    ),
    _letter(
        "surat-pindah",
        "Surat Pengantar Pindah",
        "pindah",
        "Pengantar ke Dinas Dukcapil untuk pindah keluar desa.",
        "Alamat tujuan pindah lengkap",
        60,
        legal_basis=ADMINDUK,
    ),
    _letter(
        "pengantar-skck",
        "Surat Pengantar SKCK",
        "skck",
        "Pengantar ke Polsek/Polres untuk membuat SKCK.",
        "Pas foto 4x6 latar merah",
        70,
    ),
    _letter(
        "surat-penghasilan-orang-tua",
        "Surat Keterangan Penghasilan Orang Tua",
        "penghasilan-ortu",
        "Untuk pendaftaran sekolah, kuliah atau beasiswa.",
        "Keterangan pekerjaan dan penghasilan orang tua",
        80,
    ),
    _letter(
        "surat-beda-identitas",
        "Surat Keterangan Beda Identitas",
        "beda-identitas",
        "Bila nama atau tanggal lahir di dua dokumen berbeda (misalnya KTP dan ijazah).",
        "Fotokopi kedua dokumen yang berbeda",
        90,
    ),
    _letter(
        "surat-kehilangan",
        "Surat Keterangan Kehilangan",
        "kehilangan",
        "Pengantar untuk laporan kehilangan ke kepolisian.",
        "Keterangan barang/dokumen yang hilang",
        100,
    ),
    _letter(
        "izin-keramaian",
        "Surat Izin Keramaian",
        "keramaian",
        "Pengantar izin hajatan atau acara yang mengundang keramaian.",
        "Keterangan acara: tanggal, tempat, jumlah tamu, hiburan",
        110,
        duration_days=2,
    ),
    _letter(
        "surat-bepergian",
        "Surat Keterangan Bepergian",
        "bepergian",
        "Keterangan untuk warga yang bepergian jauh atau merantau.",
        "Alamat tujuan dan lama bepergian",
        120,
    ),
    _letter(
        "pengantar-nikah",
        "Surat Pengantar Nikah",
        "nikah",
        "Pengantar ke KUA atau Dinas Dukcapil untuk mendaftarkan pernikahan.",
        "Fotokopi KTP-el calon pasangan\nPas foto 2x3 dan 4x6\n"
        "Akta cerai/kematian bila pernah menikah",
        130,
        duration_days=2,
    ),
    _letter(
        "surat-keterangan-umum",
        "Surat Keterangan Umum",
        "umum",
        "Keterangan lain yang tidak ada dalam daftar ini.",
        "Uraian keperluan",
        140,
    ),
    _letter(
        "biodata-penduduk",
        "Biodata Penduduk",
        "biodata",
        "Biodata dari register penduduk desa.",
        "",
        150,
        legal_basis=ADMINDUK,
    ),
    {
        "slug": "legalisasi",
        "name": "Legalisasi Dokumen",
        "letter_key": "",
        "summary": "Pengesahan fotokopi dokumen yang diterbitkan desa.",
        "online": False,
        "requirements": "Dokumen asli\nFotokopi dokumen yang akan dilegalisasi",
        "procedure": "Bawa dokumen asli dan fotokopinya ke kantor desa\n"
        "Petugas mencocokkan fotokopi dengan aslinya\nKepala Desa atau Sekretaris Desa "
        "menandatangani dan mengecap fotokopi",
        "duration_days": 0,
        "cost": FREE,
        "product": "Fotokopi yang dilegalisasi",
        "officer": "Sekretaris Desa",
        "complaints": COMPLAINTS,
        "legal_basis": LEGAL,
        "order": 200,
    },
    {
        "slug": "pengaduan",
        "name": "Pengaduan Masyarakat",
        "letter_key": "",
        "summary": "Sampaikan keluhan, saran atau laporan tentang pelayanan dan desa.",
        "online": False,
        "requirements": "Identitas pelapor (dirahasiakan)\nUraian pengaduan",
        "procedure": "Sampaikan pengaduan di kantor desa, kotak saran, atau SP4N-LAPOR!\n"
        "Desa mencatat dan menindaklanjuti\nPelapor menerima jawaban",
        "duration_days": 5,
        "cost": FREE,
        "product": "Tanggapan atas pengaduan",
        "officer": "Sekretaris Desa",
        "complaints": COMPLAINTS,
        "legal_basis": LEGAL + "\nPerpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik",
        "link": "https://www.lapor.go.id/",
        "order": 210,
    },
    {
        "slug": "permohonan-informasi",
        "name": "Permohonan Informasi Publik",
        "letter_key": "",
        "summary": "Minta informasi publik desa lewat PPID Desa.",
        "online": False,
        "requirements": "Identitas pemohon (KTP-el)\nUraian informasi yang diminta",
        "procedure": "Ajukan permohonan di halaman PPID situs desa atau di kantor desa\n"
        "PPID menjawab paling lambat 10 hari kerja",
        "duration_days": 10,
        "cost": FREE,
        "product": "Jawaban dan salinan informasi",
        "officer": "PPID Desa (Sekretaris Desa)",
        "complaints": "Keberatan diajukan kepada Atasan PPID (Kepala Desa).",
        "legal_basis": "UU 14/2008 tentang Keterbukaan Informasi Publik\n"
        "Perki 1/2018 tentang Standar Layanan Informasi Publik Desa",
        "order": 220,
    },
]
