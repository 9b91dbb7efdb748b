"""Synthetic Indonesian village news for the demo and the benchmarks."""

from __future__ import annotations

from balai.lib.text import MONTHS_ID

CATEGORIES = ["Pemerintahan", "Kegiatan Warga", "Pembangunan", "Kesehatan", "Ekonomi", "Pendidikan"]
DUSUN = ["Krajan", "Kaliwungu", "Sidamulya", "Karanganyar", "Pesawahan", "Gunungsari", "Babakan"]
MONTHS = MONTHS_ID

# (title pattern, category, summary pattern, tags)
STORIES = [
    (
        "Gotong Royong Perbaikan Jalan Dusun {dusun}",
        "Kegiatan Warga",
        "Warga Dusun {dusun} bergotong royong memperbaiki jalan yang rusak setelah musim hujan.",
        "gotong royong, jalan",
    ),
    (
        "Pembangunan Talud Saluran Irigasi di Dusun {dusun} Dimulai",
        "Pembangunan",
        "Pembangunan talud sepanjang 120 meter dibiayai Dana Desa tahun {year}.",
        "dana desa, irigasi",
    ),
    (
        "Musyawarah Desa Bahas Rencana Kerja Pemerintah Desa {year}",
        "Pemerintahan",
        "Musdes dihadiri BPD, tokoh masyarakat dan perwakilan RT/RW untuk menyepakati RKPDes.",
        "musdes, perencanaan",
    ),
    (
        "Posyandu Balita Bulan {month} Layani Puluhan Anak",
        "Kesehatan",
        "Kader posyandu menimbang, mengukur tinggi badan dan memberi makanan tambahan.",
        "posyandu, stunting",
    ),
    (
        "Penyaluran BLT Dana Desa Tahap {n} Tepat Waktu",
        "Pemerintahan",
        "Keluarga penerima manfaat menerima bantuan langsung tunai di balai desa.",
        "blt, bantuan",
    ),
    (
        "Pelatihan Membatik untuk Ibu-ibu PKK",
        "Ekonomi",
        "Dua puluh peserta belajar membuat batik tulis motif khas desa.",
        "pkk, umkm",
    ),
    (
        "Panen Raya Padi di Hamparan Sawah Dusun {dusun}",
        "Ekonomi",
        "Kelompok tani menyambut panen dengan hasil yang lebih baik dari musim lalu.",
        "pertanian, panen",
    ),
    (
        "Kerja Bakti Membersihkan Sungai Menjelang Musim Hujan",
        "Kegiatan Warga",
        "Warga mengangkat sampah dan membersihkan saluran agar air tidak meluap.",
        "lingkungan",
    ),
    (
        "Sosialisasi Pencegahan Stunting bagi Calon Pengantin",
        "Kesehatan",
        "Bidan desa menjelaskan gizi seimbang dan pemeriksaan kehamilan sejak dini.",
        "stunting, kesehatan",
    ),
    (
        "Pembangunan Jalan Rabat Beton Menghubungkan Dua Dusun",
        "Pembangunan",
        "Jalan baru memperlancar angkutan hasil bumi dari Dusun {dusun}.",
        "jalan, dana desa",
    ),
    (
        "Lomba Tujuh Belasan Meriahkan HUT Kemerdekaan RI",
        "Kegiatan Warga",
        "Anak-anak dan orang tua mengikuti lomba balap karung dan tarik tambang.",
        "agustusan",
    ),
    (
        "Perpustakaan Desa Tambah Koleksi Buku Anak",
        "Pendidikan",
        "Taman baca di balai desa kini buka setiap sore untuk pelajar.",
        "literasi, perpustakaan",
    ),
    (
        "BUMDes Mulai Memasarkan Gula Kelapa Kemasan",
        "Ekonomi",
        "Produk gula kelapa warga kini dijual dalam kemasan berlabel desa.",
        "bumdes, umkm",
    ),
    (
        "Pelayanan Administrasi Kependudukan Keliling di Balai Desa",
        "Pemerintahan",
        "Petugas Dukcapil melayani perekaman KTP-el dan pembaruan kartu keluarga.",
        "pelayanan",
    ),
]

PARAGRAPHS = [
    "Kegiatan ini dimulai pukul 07.00 WIB dan diikuti warga dari berbagai RT. Kepala desa "
    "menyampaikan terima kasih atas semangat kebersamaan yang terus terjaga.",
    "Menurut sekretaris desa, kegiatan serupa akan dilakukan secara rutin agar manfaatnya "
    "dirasakan seluruh warga, terutama di dusun yang jauh dari pusat desa.",
    "Pembangunan dan pemeliharaan sarana desa dibiayai dari Dana Desa dan swadaya masyarakat. "
    "Laporan penggunaan anggaran dapat dilihat di papan informasi balai desa.",
    "Warga yang ingin menyampaikan usulan dapat datang ke kantor desa pada jam pelayanan atau "
    "menyampaikannya melalui ketua RT masing-masing.",
    "Pemerintah desa juga mengajak para pemuda terlibat aktif, karena keberhasilan pembangunan "
    "desa bergantung pada partisipasi semua pihak.",
    "Kegiatan ditutup dengan makan bersama hasil masakan ibu-ibu PKK. Suasana akrab terasa "
    "hingga siang hari.",
]

EVENTS = [
    ("Posyandu Balita", "Posyandu Melati, Dusun {dusun}", "Kader Posyandu"),
    ("Musyawarah Desa", "Balai Desa", "Pemerintah Desa dan BPD"),
    ("Kerja Bakti Bersih Desa", "Lapangan Desa", "Karang Taruna"),
    ("Pengajian Akbar", "Masjid Jami'", "Takmir Masjid"),
    ("Senam Lansia", "Halaman Balai Desa", "PKK Desa"),
    ("Pelatihan Pengolahan Pangan", "Aula Balai Desa", "BUMDes"),
]

ALBUMS = [
    (
        "Kerja Bakti Bersih Desa",
        [
            "Warga membersihkan saluran air",
            "Pemuda mengangkut sampah",
            "Ibu-ibu menyiapkan konsumsi",
        ],
    ),
    (
        "Panen Raya",
        ["Petani memanen padi", "Gabah dijemur di halaman", "Kelompok tani berfoto bersama"],
    ),
]
