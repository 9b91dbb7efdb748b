"""The fifteen letter types the district starts with (issue 15), seeded by migration 0002 and
by the demo. Keys are shared with the service catalogue; do not rename them.

Classification codes: the archive classification of Permendagri No. 83 Tahun 2022 (Pedoman
Klasifikasi Arsip di Lingkungan Kementerian Dalam Negeri dan Pemerintah Daerah) groups population
administration under 400 (Kesejahteraan Rakyat / kependudukan 470-series as villages still number
them: 470 kependudukan, 474.1 kelahiran, 474.2 perkawinan, 474.3 kematian, 475 pindah), public
order under 300 and the economy under 500. These are plausible starting codes chosen from that
scheme and from common village practice; the district checks them against the regulation's annex
and changes them in the template editor (a change is a new version; issued letters keep theirs).
"""

from __future__ import annotations

from typing import Any

OPENING = (
    "Yang bertanda tangan di bawah ini {{ desa.jabatan_kepala }}, "
    "Kecamatan {{ desa.kecamatan }}, Kabupaten {{ desa.kabupaten }}, menerangkan bahwa:\n\n"
)
IDENTITY = (
    "| Nama | {{ penduduk.nama }}\n"
    "| NIK | {{ penduduk.nik }}\n"
    "| Tempat, tanggal lahir | {{ penduduk.tempat_tanggal_lahir }}\n"
    "| Jenis kelamin | {{ penduduk.jenis_kelamin }}\n"
    "| Agama | {{ penduduk.agama }}\n"
    "| Status perkawinan | {{ penduduk.status_perkawinan }}\n"
    "| Pekerjaan | {{ penduduk.pekerjaan }}\n"
    "| Kewarganegaraan | {{ penduduk.kewarganegaraan }}\n"
    "| Alamat | {{ penduduk.alamat }}\n\n"
)
PURPOSE = (
    "{% jika isian.keperluan %}Surat ini dipergunakan untuk {{ isian.keperluan }}.{% akhir %}\n\n"
)
CLOSING = "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."
CLOSING_INTRO = (
    "Demikian surat pengantar ini dibuat agar yang berkepentingan maklum dan dapat "
    "memberikan pelayanan sebagaimana mestinya."
)
KEPERLUAN = {"name": "keperluan", "label": "Keperluan", "kind": "teks", "required": True}
KEPERLUAN_OPT = {**KEPERLUAN, "required": False}


def _f(name: str, label: str, kind: str = "teks", required: bool = True, **kw: Any) -> dict:
    return {"name": name, "label": label, "kind": kind, "required": required, **kw}


def _letter(
    key: str,
    title: str,
    code: str,
    middle: str,
    fields: list[dict[str, Any]],
    *,
    needs_living: bool = True,
    closing: str = CLOSING,
    identity: str = IDENTITY,
) -> dict[str, Any]:
    fields = [{"choices": [], **f} for f in fields]
    purpose = PURPOSE if any(f["name"] == "keperluan" for f in fields) else ""
    body = OPENING + identity + middle.strip() + "\n\n" + purpose + closing
    return {
        "key": key,
        "title": title,
        "code": code,
        "needs_living": needs_living,
        "body": body,
        "fields": fields,
    }


TEMPLATES: list[dict[str, Any]] = [
    _letter(
        "domisili",
        "Surat Keterangan Domisili",
        "470",
        "Orang tersebut di atas benar-benar berdomisili di {{ penduduk.alamat }}, "
        "{{ desa.nama }}, Kecamatan {{ desa.kecamatan }}, Kabupaten {{ desa.kabupaten }}"
        "{% jika isian.sejak %} sejak {{ isian.sejak }}{% akhir %}.",
        [_f("sejak", "Berdomisili sejak", "tanggal", False), KEPERLUAN],
    ),
    _letter(
        "usaha",
        "Surat Keterangan Usaha",
        "500",
        "Orang tersebut di atas benar-benar mempunyai usaha:\n\n"
        "| Nama usaha | {{ isian.nama_usaha }}\n"
        "| Jenis usaha | {{ isian.jenis_usaha }}\n"
        "| Alamat usaha | {{ isian.alamat_usaha }}\n"
        "{% jika isian.mulai %}| Mulai usaha | {{ isian.mulai }}\n{% akhir %}",
        [
            _f("nama_usaha", "Nama usaha"),
            _f(
                "jenis_usaha",
                "Jenis usaha",
                "pilihan",
                choices=[
                    "Perdagangan",
                    "Jasa",
                    "Pertanian",
                    "Peternakan",
                    "Perikanan",
                    "Industri rumah tangga",
                    "Lainnya",
                ],
            ),
            _f("alamat_usaha", "Alamat usaha"),
            _f("mulai", "Mulai usaha sejak", "tanggal", False),
            KEPERLUAN,
        ],
    ),
    _letter(
        "tidak-mampu",
        "Surat Keterangan Tidak Mampu",
        "400",
        "Orang tersebut di atas adalah penduduk {{ desa.nama }} yang menurut pengamatan kami "
        "dan keterangan Ketua RT {{ penduduk.rt }} / RW {{ penduduk.rw }} tergolong keluarga "
        "tidak mampu, dengan kepala keluarga {{ keluarga.kepala }} dan "
        "{{ keluarga.jumlah_anggota }} anggota keluarga.",
        [_f("pengantar_rt", "Nomor surat pengantar RT", required=False), KEPERLUAN],
    ),
    _letter(
        "kelahiran",
        "Surat Keterangan Kelahiran",
        "474.1",
        "Pada tanggal {{ isian.tanggal_lahir_bayi }} pukul {{ isian.jam }} telah lahir "
        "seorang anak {{ isian.jenis_kelamin_bayi }} di {{ isian.tempat }} bernama "
        "{{ isian.nama_bayi }}, anak ke-{{ isian.anak_ke }} dari orang tua tersebut di atas.",
        [
            _f("nama_bayi", "Nama bayi"),
            _f(
                "jenis_kelamin_bayi",
                "Jenis kelamin bayi",
                "pilihan",
                choices=["laki-laki", "perempuan"],
            ),
            _f("tanggal_lahir_bayi", "Tanggal lahir bayi", "tanggal"),
            _f("jam", "Jam lahir (mis. 08.30)"),
            _f("tempat", "Tempat lahir (rumah sakit, puskesmas, rumah)"),
            _f("anak_ke", "Anak ke-", "angka"),
            KEPERLUAN_OPT,
        ],
    ),
    _letter(
        "kematian",
        "Surat Keterangan Kematian",
        "474.3",
        "Orang tersebut di atas telah meninggal dunia pada:\n\n"
        "| Hari, tanggal | {{ isian.tanggal_meninggal }}\n"
        "| Tempat | {{ isian.tempat_meninggal }}\n"
        "| Sebab | {{ isian.sebab }}\n\n"
        "Keterangan ini dibuat berdasarkan laporan {{ isian.pelapor }} "
        "({{ isian.hubungan_pelapor }}) untuk pengurusan akta kematian.",
        [
            _f("tanggal_meninggal", "Tanggal meninggal", "tanggal"),
            _f("tempat_meninggal", "Tempat meninggal"),
            _f(
                "sebab",
                "Sebab meninggal",
                "pilihan",
                choices=[
                    "Sakit biasa / tua",
                    "Wabah penyakit",
                    "Kecelakaan",
                    "Kriminalitas",
                    "Bunuh diri",
                    "Lainnya",
                ],
            ),
            _f("pelapor", "Nama pelapor"),
            _f("hubungan_pelapor", "Hubungan pelapor dengan yang meninggal"),
        ],
        needs_living=False,
    ),
    _letter(
        "pindah",
        "Surat Pengantar Pindah",
        "475",
        "Orang tersebut di atas bermaksud pindah dengan keterangan:\n\n"
        "| Alamat tujuan | {{ isian.tujuan }}\n"
        "| Alasan pindah | {{ isian.alasan }}\n"
        "| Jumlah yang pindah | {{ isian.jumlah }} orang\n\n"
        "Surat pengantar ini untuk mengurus surat keterangan pindah di Dinas Kependudukan "
        "dan Pencatatan Sipil.",
        [
            _f("tujuan", "Alamat tujuan pindah"),
            _f(
                "alasan",
                "Alasan pindah",
                "pilihan",
                choices=[
                    "Pekerjaan",
                    "Pendidikan",
                    "Keamanan",
                    "Kesehatan",
                    "Perumahan",
                    "Keluarga",
                    "Lainnya",
                ],
            ),
            _f("jumlah", "Jumlah anggota keluarga yang pindah", "angka"),
        ],
        closing=CLOSING_INTRO,
    ),
    _letter(
        "skck",
        "Surat Pengantar SKCK",
        "300",
        "Orang tersebut di atas benar penduduk {{ desa.nama }} dan sepanjang pengetahuan kami "
        "berkelakuan baik, tidak pernah tersangkut perkara pidana, dan tidak terlibat organisasi "
        "terlarang. Surat pengantar ini untuk mengurus Surat Keterangan Catatan Kepolisian (SKCK) "
        "di Kepolisian Sektor {{ desa.kecamatan }}.",
        [KEPERLUAN],
        closing=CLOSING_INTRO,
    ),
    _letter(
        "penghasilan-ortu",
        "Surat Keterangan Penghasilan Orang Tua",
        "400",
        "Orang tersebut di atas adalah orang tua dari:\n\n"
        "| Nama anak | {{ isian.nama_anak }}\n"
        "| Sekolah / perguruan tinggi | {{ isian.sekolah }}\n\n"
        "dan mempunyai penghasilan rata-rata Rp {{ isian.penghasilan }} per bulan.",
        [
            _f("nama_anak", "Nama anak"),
            _f("sekolah", "Sekolah atau perguruan tinggi anak"),
            _f("penghasilan", "Penghasilan rata-rata per bulan (rupiah)", "angka"),
            KEPERLUAN,
        ],
    ),
    _letter(
        "beda-identitas",
        "Surat Keterangan Beda Identitas",
        "470",
        "Orang tersebut di atas adalah satu orang yang sama dengan yang tertulis pada "
        "{{ isian.dokumen }} sebagai berikut:\n\n"
        "| Data yang berbeda | {{ isian.data_berbeda }}\n"
        "| Tertulis di dokumen | {{ isian.tertulis }}\n"
        "| Yang benar (sesuai KK/KTP) | {{ isian.benar }}",
        [
            _f("dokumen", "Dokumen yang berbeda (mis. ijazah SD)"),
            _f("data_berbeda", "Data yang berbeda (mis. nama, tanggal lahir)"),
            _f("tertulis", "Tertulis di dokumen"),
            _f("benar", "Yang benar"),
            KEPERLUAN,
        ],
    ),
    _letter(
        "kehilangan",
        "Surat Pengantar Laporan Kehilangan",
        "300",
        "Orang tersebut di atas melaporkan telah kehilangan {{ isian.barang }} "
        "pada tanggal {{ isian.tanggal_hilang }} di {{ isian.tempat_hilang }}. "
        "Surat pengantar ini untuk membuat laporan kehilangan di kepolisian.",
        [
            _f("barang", "Barang yang hilang"),
            _f("tanggal_hilang", "Tanggal hilang", "tanggal"),
            _f("tempat_hilang", "Tempat hilang"),
        ],
        closing=CLOSING_INTRO,
    ),
    _letter(
        "keramaian",
        "Surat Pengantar Izin Keramaian",
        "300",
        "Orang tersebut di atas akan menyelenggarakan keramaian:\n\n"
        "| Acara | {{ isian.acara }}\n"
        "| Hiburan | {{ isian.hiburan }}\n"
        "| Tanggal | {{ isian.tanggal_acara }}\n"
        "| Tempat | {{ isian.tempat_acara }}\n"
        "| Perkiraan undangan | {{ isian.undangan }} orang\n\n"
        "Pada prinsipnya kami tidak berkeberatan, dengan ketentuan penyelenggara menjaga "
        "ketertiban dan keamanan lingkungan.",
        [
            _f("acara", "Acara (mis. pernikahan, khitanan)"),
            _f("hiburan", "Hiburan", required=False),
            _f("tanggal_acara", "Tanggal acara", "tanggal"),
            _f("tempat_acara", "Tempat acara"),
            _f("undangan", "Perkiraan jumlah undangan", "angka"),
        ],
        closing=CLOSING_INTRO,
    ),
    _letter(
        "bepergian",
        "Surat Keterangan Bepergian",
        "470",
        "Orang tersebut di atas benar penduduk {{ desa.nama }} yang akan bepergian ke "
        "{{ isian.tujuan }} mulai {{ isian.berangkat }}"
        "{% jika isian.kembali %} sampai {{ isian.kembali }}{% akhir %}.",
        [
            _f("tujuan", "Tujuan bepergian"),
            _f("berangkat", "Tanggal berangkat", "tanggal"),
            _f("kembali", "Tanggal kembali", "tanggal", False),
            KEPERLUAN,
        ],
    ),
    _letter(
        "nikah",
        "Surat Pengantar Nikah",
        "474.2",
        "Orang tersebut di atas, anak dari {{ penduduk.nama_ayah }} dan "
        "{{ penduduk.nama_ibu }}, bermaksud menikah dengan:\n\n"
        "| Nama calon pasangan | {{ isian.calon }}\n"
        "| Tempat, tanggal lahir calon | {{ isian.ttl_calon }}\n"
        "| Alamat calon | {{ isian.alamat_calon }}\n"
        "| Status calon | {{ isian.status_calon }}\n"
        "{% jika isian.pasangan_terdahulu %}| Nama istri/suami terdahulu | "
        "{{ isian.pasangan_terdahulu }}\n{% akhir %}\n"
        "Surat pengantar ini (data model N1) untuk mengurus pernikahan di KUA atau "
        "Kantor Catatan Sipil.",
        [
            _f("calon", "Nama calon pasangan"),
            _f("ttl_calon", "Tempat, tanggal lahir calon"),
            _f("alamat_calon", "Alamat calon"),
            _f(
                "status_calon",
                "Status perkawinan calon",
                "pilihan",
                choices=["Belum kawin", "Cerai hidup", "Cerai mati"],
            ),
            _f(
                "pasangan_terdahulu",
                "Nama istri/suami terdahulu (bila pernah menikah)",
                required=False,
            ),
        ],
        closing=CLOSING_INTRO,
    ),
    _letter(
        "umum",
        "Surat Pengantar",
        "470",
        "Orang tersebut di atas benar penduduk {{ desa.nama }} dan bermaksud mengurus "
        "{{ isian.urusan }}{% jika isian.instansi %} di {{ isian.instansi }}{% akhir %}.",
        [_f("urusan", "Urusan"), _f("instansi", "Instansi tujuan", required=False), KEPERLUAN_OPT],
        closing=CLOSING_INTRO,
    ),
    _letter(
        "biodata",
        "Biodata Penduduk",
        "470",
        "| Nomor KK | {{ penduduk.no_kk }}\n"
        "| Hubungan dalam keluarga | {{ penduduk.hubungan_keluarga }}\n"
        "| Kepala keluarga | {{ keluarga.kepala }}\n"
        "| Pendidikan | {{ penduduk.pendidikan }}\n"
        "| Golongan darah | {{ penduduk.golongan_darah }}\n"
        "| Nama ayah | {{ penduduk.nama_ayah }}\n"
        "| Nama ibu | {{ penduduk.nama_ibu }}\n"
        "| Nomor akta kelahiran | {{ penduduk.akta_lahir }}\n\n"
        "Data di atas sesuai dengan data kependudukan yang tercatat di {{ desa.nama }}.",
        [KEPERLUAN_OPT],
    ),
]
KEYS = [t["key"] for t in TEMPLATES]
