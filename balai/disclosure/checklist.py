"""The berkala information every Badan Publik Desa must publish (Perki 1/2018, Pasal 11),
seeded into each desa's DIP. `page` is a URL name in the `site` namespace that already holds
the information; it is used only when it reverses (the budget and news modules may not exist)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    title: StrOrPromise
    summary: StrOrPromise
    responsible: str
    page: str = ""


BERKALA = [
    ChecklistItem(
        "profil",
        _("Profil badan publik desa"),
        _("Kedudukan, alamat, maksud dan tujuan, tugas dan fungsi pemerintah desa."),
        "Sekretaris Desa",
        "profile",
    ),
    ChecklistItem(
        "struktur",
        _("Struktur organisasi dan profil singkat pejabat desa"),
        _("Susunan pemerintah desa dan BPD beserta jabatannya."),
        "Sekretaris Desa",
        "government",
    ),
    ChecklistItem(
        "program_berjalan",
        _("Matriks program dan kegiatan yang sedang dijalankan"),
        _("Nama program, penanggung jawab, target, jadwal, anggaran dan sumbernya."),
        "Kaur Perencanaan",
        "budget_index",
    ),
    ChecklistItem(
        "program_masuk",
        _("Program yang masuk ke desa dan data penerima bantuan"),
        _("Program pembangunan, pemberdayaan dan bantuan langsung, dengan penerima manfaatnya."),
        "Kasi Kesejahteraan",
    ),
    ChecklistItem(
        "rpjmdes",
        _("Peraturan Desa tentang RPJM Desa"),
        _("Rencana Pembangunan Jangka Menengah Desa enam tahun."),
        "Kaur Perencanaan",
    ),
    ChecklistItem(
        "rkpdes",
        _("Peraturan Desa tentang RKP Desa"),
        _("Rencana Kerja Pemerintah Desa tahun berjalan."),
        "Kaur Perencanaan",
    ),
    ChecklistItem(
        "apbdes",
        _("Peraturan Desa tentang APB Desa tahun berjalan"),
        _("Anggaran Pendapatan dan Belanja Desa beserta rinciannya."),
        "Kaur Keuangan",
        "budget_index",
    ),
    ChecklistItem(
        "kinerja",
        _("Ringkasan laporan kinerja (LPPD dan LKPPD)"),
        _("Laporan penyelenggaraan pemerintahan desa kepada bupati dan BPD."),
        "Sekretaris Desa",
    ),
    ChecklistItem(
        "realisasi",
        _("Laporan realisasi APB Desa"),
        _("Realisasi pendapatan dan belanja desa per semester dan akhir tahun."),
        "Kaur Keuangan",
        "budget_index",
    ),
    ChecklistItem(
        "laporan_akses",
        _("Ringkasan laporan layanan informasi publik"),
        _("Jumlah permohonan, waktu jawaban, penolakan dan keberatan."),
        "PPID Desa",
        "disclosure_report",
    ),
    ChecklistItem(
        "pengadaan",
        _("Informasi pengadaan barang dan jasa"),
        _("Rencana dan pelaksanaan pengadaan barang/jasa desa."),
        "Kaur Keuangan",
    ),
    ChecklistItem(
        "ketenagakerjaan",
        _("Informasi ketenagakerjaan desa"),
        _("Pengumuman pengisian perangkat desa dan lowongan kerja di desa."),
        "Sekretaris Desa",
        "news_index",
    ),
    ChecklistItem(
        "peringatan_dini",
        _("Prosedur peringatan dini dan evakuasi keadaan darurat"),
        _("Cara desa memberi tahu warga dan jalur serta tempat evakuasi."),
        "Kasi Pemerintahan",
    ),
]
