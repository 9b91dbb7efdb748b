"""Synthetic Indonesian text for the demo district: names, positions, profiles, pages.

Nothing here describes a real village or a real person; it only has to read like the real thing.
The demo's content stays in Indonesian on purpose (it stands for what villages type).
"""

from __future__ import annotations

import random

from balai.lib.demo_names import FIRST_NAMES, LAST_NAMES, STREETS  # noqa: F401 - used as text.*

DESA_POSITIONS = [
    "Kepala Desa",
    "Sekretaris Desa",
    "Kaur Keuangan",
    "Kaur Perencanaan",
    "Kaur Tata Usaha dan Umum",
    "Kasi Pemerintahan",
    "Kasi Kesejahteraan",
    "Kasi Pelayanan",
    "Kepala Dusun I",
    "Kepala Dusun II",
    "Kepala Dusun III",
]
KELURAHAN_POSITIONS = [
    "Lurah",
    "Sekretaris Kelurahan",
    "Kasi Pemerintahan",
    "Kasi Ketenteraman dan Ketertiban Umum",
    "Kasi Pemberdayaan Masyarakat",
    "Kasi Pelayanan Umum",
    "Staf Administrasi Umum",
    "Staf Keuangan",
]

TAGLINES = [
    "Guyub rukun membangun {name}",
    "Sentra gula kelapa di Kecamatan {kec}",
    "Desa agraris yang ramah dan terbuka",
    "Maju, mandiri, dan berbudaya",
    "Gotong royong untuk {name} yang sejahtera",
    "Hijau sawahnya, jernih airnya, ramah warganya",
    "Rumah perajin bulu mata dan rambut palsu",
    "Melayani warga dengan cepat dan terbuka",
]
COLORS = ["#1f6f43", "#0b5394", "#7a3e9d", "#a33b20", "#1d6b72", "#5b6b1e", "#8a4b08", "#374151"]
OFFICE_HOURS = [
    "Senin–Kamis 08.00–15.00\nJumat 08.00–11.00",
    "Senin–Jumat 07.30–15.30\nSabtu 08.00–12.00",
    "Senin–Kamis 07.30–14.30\nJumat 07.30–11.00\nSabtu dan Minggu tutup",
]
VISIONS = [
    "Terwujudnya {kind} {name} yang maju, mandiri, sejahtera, dan berbudaya berlandaskan "
    "gotong royong.",
    "{kind} {name} yang aman, tertib, dan sejahtera melalui pelayanan yang terbuka.",
    "Bersama membangun {kind} {name} yang berdaya saing, religius, dan lestari.",
]
MISSIONS = [
    "Meningkatkan mutu pelayanan administrasi kepada warga",
    "Membangun jalan, saluran irigasi, dan sarana umum secara merata",
    "Mengembangkan usaha ekonomi warga dan BUMDes",
    "Meningkatkan kesehatan ibu dan anak melalui posyandu",
    "Menjaga kerukunan, keamanan, dan ketertiban lingkungan",
    "Melestarikan seni dan budaya setempat",
    "Mengelola keuangan desa secara terbuka dan dapat dipertanggungjawabkan",
    "Mendorong pertanian yang ramah lingkungan",
]
HISTORY_OPENINGS = [
    "Menurut cerita para sesepuh, nama {name} berasal dari sebuah pohon besar yang dahulu "
    "tumbuh di tepi sungai dan menjadi tempat singgah para pedagang.",
    "{name} sudah dihuni sejak zaman Kadipaten Onje. Para sesepuh menuturkan bahwa pendiri "
    "desa ini adalah seorang abdi kadipaten yang membuka hutan untuk bertani.",
    "Asal-usul nama {name} dituturkan turun-temurun: di tempat inilah dahulu para petani "
    "berkumpul untuk bermusyawarah sebelum masa tanam.",
]
HISTORY_MIDDLES = [
    "Pada masa penjajahan, warga {name} ikut menyembunyikan para pejuang di rumah-rumah "
    "mereka, dan beberapa makam pejuang masih dirawat hingga kini.",
    "Sejak tahun 1980-an, {name} dikenal sebagai penghasil gula kelapa dan hasil kebun yang "
    "dijual ke pasar Kecamatan {kec}.",
    "Dahulu wilayah ini terbagi menjadi dua pedukuhan yang kemudian digabung menjadi satu "
    "desa dengan balai desa di tengahnya.",
]
HISTORY_CLOSINGS = [
    "Kini warga {name} hidup dari pertanian, perdagangan, dan industri rumahan, dengan "
    "semangat gotong royong yang tetap terjaga.",
    "Hari ini {name} terus berbenah: jalan desa diperbaiki, posyandu aktif, dan pemuda mulai "
    "mengembangkan usaha digital.",
]
SUSPENDED_REASON = "Pengelola situs sedang diganti; situs dibuka kembali setelah serah terima."
SERVICES = (
    "Kantor {name} melayani urusan administrasi warga, antara lain surat keterangan domisili, "
    "usaha dan tidak mampu, surat pengantar KTP, KK dan akta, serta pengantar nikah.\n\n"
    "Bawa KTP dan Kartu Keluarga asli saat datang. Tanyakan persyaratan setiap layanan kepada "
    "petugas atau hubungi kantor lebih dulu."
)
PRIVACY = (
    "Situs {name} dikelola oleh pemerintah {name} di atas layanan Balai milik Kabupaten "
    "Purbalingga.\n\n"
    "Data pribadi warga (NIK, nomor KK, tanggal lahir, alamat) tidak pernah ditampilkan di situs "
    "ini. Data yang Anda kirim lewat formulir hanya dipakai untuk keperluan yang Anda minta dan "
    "hanya dapat dibuka oleh petugas yang berwenang.\n\n"
    "Anda berhak mengetahui, memperbaiki, atau meminta penghapusan data pribadi Anda. Hubungi "
    "kantor desa untuk menggunakan hak tersebut."
)


def person_name(rng: random.Random) -> str:
    first = rng.choice(FIRST_NAMES)
    # Many Javanese villagers go by one name; the rest have two.
    return first if rng.random() < 0.2 else f"{first} {rng.choice(LAST_NAMES)}"


def history(rng: random.Random, name: str, kecamatan: str) -> str:
    parts = [
        rng.choice(HISTORY_OPENINGS),
        rng.choice(HISTORY_MIDDLES),
        rng.choice(HISTORY_CLOSINGS),
    ]
    return "\n\n".join(p.format(name=name, kec=kecamatan) for p in parts)
