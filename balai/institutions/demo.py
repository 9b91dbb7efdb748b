"""Demo institutions: Dagan, the showcase, gets its BPD, LPM, PKK, Karang Taruna, Posyandu and
BUMDes with their boards, activities linked to its demo news, and one term that ends soon (so
its dashboard checklist shows the reminder); a few other villages get a BPD and a PKK."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from balai.institutions.models import Institution, Member
from balai.news.models import Article
from balai.villages.models import Village

FIRST = (
    "Slamet",
    "Sri",
    "Bambang",
    "Siti",
    "Agus",
    "Tri",
    "Wahyu",
    "Endang",
    "Joko",
    "Rini",
    "Darsono",
    "Kustini",
    "Hadi",
    "Nur",
    "Sugiarto",
    "Yuni",
    "Rohmat",
    "Lestari",
)
LAST = (
    "Rahayu",
    "Wibowo",
    "Susanto",
    "Lestari",
    "Prasetyo",
    "Hartono",
    "Wulandari",
    "Saputra",
    "Handayani",
    "Nugroho",
    "Kurniawan",
    "Purwanti",
)
BOARD = ("Ketua", "Wakil Ketua", "Sekretaris", "Bendahara")

# kind, name, description, extra positions, words of the demo news that are its activities
DAGAN = [
    (
        Institution.Kind.BPD,
        "BPD Desa Dagan",
        "Membahas dan menyepakati rancangan peraturan desa bersama kepala desa, menampung dan "
        "menyalurkan aspirasi warga, serta mengawasi kinerja kepala desa.",
        ("Anggota", "Anggota", "Anggota"),
        ("Musyawarah",),
    ),
    (
        Institution.Kind.LPM,
        "LPM Desa Dagan",
        "Menyusun rencana pembangunan secara partisipatif dan menggerakkan swadaya gotong "
        "royong warga.",
        ("Seksi Pembangunan", "Seksi Ekonomi"),
        ("Musyawarah", "Jalan"),
    ),
    (
        Institution.Kind.PKK,
        "TP PKK Desa Dagan",
        "Menggerakkan sepuluh program pokok PKK: dari penghayatan Pancasila sampai kesehatan "
        "keluarga dan perencanaan sehat.",
        ("Ketua Pokja I", "Ketua Pokja II", "Ketua Pokja III", "Ketua Pokja IV"),
        ("PKK",),
    ),
    (
        Institution.Kind.KARANG_TARUNA,
        "Karang Taruna Tunas Muda",
        "Wadah pengembangan generasi muda: kegiatan sosial, olahraga, seni dan usaha ekonomi "
        "produktif.",
        ("Seksi Olahraga", "Seksi Seni Budaya"),
        ("Kerja Bakti", "Lomba"),
    ),
    (
        Institution.Kind.POSYANDU,
        "Posyandu Melati",
        "Pelayanan kesehatan ibu dan anak setiap bulan: penimbangan, imunisasi, pemberian "
        "makanan tambahan dan penyuluhan gizi.",
        ("Kader", "Kader", "Kader"),
        ("Posyandu",),
    ),
    (
        Institution.Kind.BUMDES,
        "BUMDes Dagan Makmur",
        "Mengelola usaha desa: pemasaran gula kelapa kemasan, penyewaan alat pertanian dan "
        "layanan pembayaran.",
        ("Direktur", "Sekretaris", "Bendahara", "Unit Usaha Gula Kelapa"),
        ("BUMDes",),
    ),
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _positions(kind: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    if kind == Institution.Kind.BUMDES:
        return extra  # a BUMDes is led by its director
    return BOARD + extra


def _institution(
    village: Village,
    n: int,
    kind: str,
    name: str,
    description: str,
    start: datetime.date,
    years: int,
) -> Institution:
    return Institution(
        village=village,
        kind=kind,
        name=name,
        slug=f"{kind.replace('_', '-')}-{village.slug}"[:80],
        description=description,
        decree_number=f"141/{n:02d}/{start.year}",
        decree_date=start - datetime.timedelta(days=7),
        period_start=start,
        period_end=_years_later(start, years) - datetime.timedelta(days=1),
        address=f"Balai Desa {village.display_name}",
    )


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def demo_build(*, rng: random.Random, villages: list[Village], users: dict) -> dict[str, int]:
    if not villages:
        return {}
    today = timezone.localdate()
    dagan = villages[0]
    made: list[tuple[Institution, tuple[str, ...], tuple[str, ...]]] = []
    for n, (kind, name, description, extra, words) in enumerate(DAGAN, start=1):
        start = today - datetime.timedelta(days=365 * 2 + n * 30)
        inst = _institution(dagan, n, kind, name, description, start, 6)
        made.append((inst, _positions(kind, extra), words))
    # The Karang Taruna's term ends in six weeks: the checklist's reminder.
    karang_taruna = made[3][0]
    karang_taruna.period_end = today + datetime.timedelta(days=42)
    karang_taruna.period_start = _years_later(karang_taruna.period_end, -5)
    karang_taruna.phone = "0281-6591234"
    karang_taruna.email = "karangtaruna@dagan.desa.id"
    for village in villages[1:12]:
        start = today - datetime.timedelta(days=rng.randint(200, 1500))
        for kind, name in ((Institution.Kind.BPD, "BPD"), (Institution.Kind.PKK, "TP PKK")):
            inst = _institution(village, 1, kind, f"{name} {village.display_name}", "", start, 6)
            made.append((inst, BOARD, ()))
    Institution.objects.bulk_create([inst for inst, _p, _w in made])
    members = [
        Member(
            village_id=inst.village_id,
            institution=inst,
            name=_name(rng),
            position=position,
            order=order,
        )
        for inst, positions, _w in made
        for order, position in enumerate(positions)
    ]
    Member.objects.bulk_create(members, batch_size=500)
    links = 0
    published = Article.objects.for_village(dagan).filter(status=Article.Status.PUBLISHED)
    for inst, _p, words in made:
        for word in words:
            ids = list(
                published.filter(title__icontains=word)
                .order_by("-publish_at")
                .values_list("pk", flat=True)[:2]
            )
            inst.articles.add(*ids)
            links += len(ids)
    return {"institutions": len(made), "institution members": len(members), "activities": links}


def demo_clear(*, village_ids: set[int]) -> None:
    for inst in Institution.objects.filter(village__in=village_ids).exclude(logo=""):
        inst.logo.delete(save=False)
    for member in Member.objects.filter(village__in=village_ids).exclude(photo=""):
        member.photo.delete(save=False)
    Member.objects.filter(village__in=village_ids).delete()
    Institution.objects.filter(village__in=village_ids).delete()
