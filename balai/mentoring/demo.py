"""Demo data for mentoring: help requests in every state, guides, juguran and trainings."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from balai.accounts.models import User
from balai.mentoring.models import Event, EventRegistration, Guide, HelpReply, HelpRequest
from balai.villages.models import Village
from balai.villages.richtext import page_body_html

GUIDES = [
    (
        "cara-impor-data-penduduk",
        "Cara impor data penduduk",
        "population_import",
        "Unduh templat Excel dari tombol Impor, isi satu warga per baris, "
        "lalu unggah kembali.\n\n"
        "Balai memeriksa dulu setiap baris. Baris yang salah ditampilkan "
        "dengan nomor baris, kolom "
        "dan alasannya; perbaiki lalu unggah ulang. "
        "Data baru disimpan setelah Anda menekan Simpan.",
    ),
    (
        "menulis-berita-pertama",
        "Menulis berita pertama",
        "news_write",
        "Tulis judul yang menjawab apa dan di mana. Paragraf pertama berisi inti berita.\n\n"
        "Tambahkan satu foto dengan keterangan. "
        "Editor yang belum boleh menerbitkan mengirim ke admin.",
    ),
    (
        "mengunggah-apbdes",
        "Mengunggah APBDes tahun berjalan",
        "budget_upload",
        "Siapkan APBDes yang sudah ditetapkan dengan Perdes. "
        "Isi pendapatan, belanja per bidang dan "
        "pembiayaan, lalu terbitkan agar warga bisa melihat grafiknya.",
    ),
    (
        "membuka-lapak-desa",
        "Membuka lapak desa",
        "market_open",
        "Ajak pelaku UMKM mendaftar sebagai penjual. "
        "Setiap produk perlu foto, harga dan nomor WhatsApp.",
    ),
    (
        "lupa-kata-sandi",
        "Lupa kata sandi",
        "login_help",
        "Buka halaman Masuk lalu pilih Lupa kata sandi. "
        "Tautan pengaturan ulang dikirim ke email Anda "
        "dan berlaku satu jam.",
    ),
]
EVENTS = [
    ("juguran", "Juguran RTIK — Bobotsari", 9, "Aula Kecamatan Bobotsari"),
    ("training", "Pelatihan menulis berita desa", 23, "Ruang Rapat Dinkominfo Purbalingga"),
    ("juguran", "Juguran daring: keamanan akun admin", -14, ""),
]
ASK = [
    ("news", "Foto berita tidak muncul setelah diunggah dari HP. Ukurannya sekitar 8 MB."),
    ("import", "Impor data penduduk ditolak di baris 12, kolom tanggal lahir. Formatnya apa?"),
    ("domain", "Kami sudah punya domain desa.id, bagaimana cara menghubungkannya?"),
    ("budget", "APBDes perubahan sudah ditetapkan, apakah yang lama harus dihapus?"),
    ("login", "Editor kami lupa kata sandi dan tautan email tidak sampai."),
    ("shop", "Bagaimana menambah penjual baru di lapak desa?"),
]
OPEN, ANSWERED, RESOLVED = (
    HelpRequest.Status.OPEN,
    HelpRequest.Status.ANSWERED,
    HelpRequest.Status.RESOLVED,
)
STATUSES = [ANSWERED, RESOLVED, OPEN, ANSWERED, OPEN, RESOLVED]
ANSWERS = [
    "Kecilkan dulu fotonya (di bawah 5 MB) atau kirim lewat aplikasi galeri dengan mode hemat.",
    "Gunakan format 17-08-1985. Lihat panduan Cara impor data penduduk.",
    "Isi formulir domain di dasbor, lalu arahkan DNS ke alamat yang tertera. Kami bantu cek.",
]


def demo_build(
    *, rng: random.Random, villages: list[Village], users: dict[str, User]
) -> dict[str, int]:
    now = timezone.now()
    admin = users.get("admin@dagan.desa.id")
    mentor = users.get("mentor@rtik-purbalingga.or.id")
    editor = users.get("editor@dagan.desa.id")
    Guide.objects.bulk_create(
        Guide(slug=s, title=t, context_key=k, summary=b.split(".")[0] + ".", body=page_body_html(b))
        for s, t, k, b in GUIDES
    )
    events = Event.objects.bulk_create(
        Event(
            kind=k,
            title=t,
            starts_at=timezone.localtime(now + timedelta(days=d)).replace(
                hour=9, minute=0, second=0, microsecond=0
            ),
            place=p,
            online_url="" if p else "https://meet.google.com/abc-defg-hij",
            agenda=page_body_html("Perkenalan\n\nPraktik bersama di dasbor\n\nTanya jawab"),
            materials=page_body_html("Materi: https://rtik-purbalingga.or.id/materi")
            if d < 0
            else "",
        )
        for k, t, d, p in EVENTS
    )
    requests, replies = [], 0
    for i, (topic, message) in enumerate(ASK):
        village = villages[i % max(1, min(len(villages), 3))]
        author = admin if village.slug == "dagan" else None
        created = now - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 12))
        status = STATUSES[i]
        hr = HelpRequest.objects.create(
            village=village, author=author or editor, topic=topic, message=message, status=status
        )
        answer_at = created + timedelta(hours=rng.randint(2, 40))
        HelpRequest.objects.filter(pk=hr.pk).update(
            created_at=created,
            first_answer_at=answer_at if status != OPEN else None,
            resolved_at=answer_at + timedelta(hours=5) if status == RESOLVED else None,
            escalated_at=created + timedelta(hours=48) if status == OPEN and i == 4 else None,
        )
        if status != OPEN:
            reply = HelpReply.objects.create(
                request=hr, author=mentor, message=ANSWERS[i % len(ANSWERS)], from_helper=True
            )
            HelpReply.objects.filter(pk=reply.pk).update(created_at=answer_at)
            replies += 1
        requests.append(hr)
    registrations = [
        EventRegistration(event=events[e], village=v, user=u, attended=(True if e == 2 else None))
        for e in (0, 2)
        for v, u in ((villages[0], admin), (villages[0], editor))
        if u is not None
    ]
    EventRegistration.objects.bulk_create(registrations)
    return {
        "help requests": len(requests),
        "help replies": replies,
        "guides": len(GUIDES),
        "juguran/pelatihan": len(events),
    }


def demo_clear(*, village_ids: set[int]) -> None:
    EventRegistration.objects.filter(village__in=village_ids).delete()
    HelpRequest.objects.filter(village__in=village_ids).delete()  # replies, attachments cascade
    Guide.objects.filter(slug__in=[g[0] for g in GUIDES]).delete()
    Event.objects.filter(title__in=[e[1] for e in EVENTS]).delete()
