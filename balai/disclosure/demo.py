"""Demo PPID data: each live desa gets a PPID profile, its DIP for last year and this year
(partly filled, one exempt item), and a history of requests in every state — answered on time
and late, extended, refused, not held, open with days left, open and late — some with
objections. One village has an active serta-merta notice. All people are synthetic."""

from __future__ import annotations

import random
import secrets
from datetime import date, timedelta

from django.utils import timezone

from balai.disclosure.calendar import WorkingCalendar
from balai.disclosure.checklist import BERKALA
from balai.disclosure.models import (
    DipItem,
    EmergencyNotice,
    InfoRequest,
    Objection,
    PpidProfile,
)
from balai.lib import demo_names as text
from balai.villages.models import Official, Village

WANTED = [
    ("Rincian APB Desa tahun ini per bidang kegiatan.", "Bahan diskusi karang taruna."),
    ("Daftar penerima BLT Dana Desa (jumlah per dusun).", "Memastikan bantuan tepat sasaran."),
    ("Laporan realisasi pembangunan jalan usaha tani.", "Pengawasan oleh kelompok tani."),
    ("Salinan Perdes RKP Desa.", "Penelitian skripsi."),
    ("Rencana anggaran pembangunan talud di RW 03.", "Warga ingin ikut mengawasi."),
    ("Notulen musyawarah desa terakhir.", "Arsip lembaga kemasyarakatan."),
    ("Data aset desa (tanah kas desa) dan pemanfaatannya.", "Kajian LSM pemantau anggaran."),
    ("Laporan keuangan BUMDes tahun lalu.", "Rapat anggota koperasi."),
]
OCCUPATIONS = ["Petani", "Mahasiswa", "Guru", "Wiraswasta", "Buruh", "Pengurus LSM", "Wartawan"]
ANSWERS = {
    "granted": ("Informasi kami berikan lengkap; salinan terlampir.", "", "", ""),
    "partly": (
        "Informasi kami berikan sebagian.",
        "Nama dan NIK penerima bantuan dihitamkan (data pribadi, Pasal 17 huruf h UU 14/2008).",
        "",
        "",
    ),
    "refused": (
        "Permohonan tidak dapat kami penuhi.",
        "",
        "Pasal 17 huruf h UU 14/2008: memuat data pribadi warga; bila dibuka dapat merugikan "
        "hak atas privasi penerima.",
        "",
    ),
    "not_held": ("Informasi ini tidak dikuasai desa.", "", "", "Dinas PUPR Kabupaten Purbalingga"),
}
# (state, working days ago received) — the order gives every state once per village
PLAN = [
    ("granted", 60),
    ("partly", 45),
    ("refused", 38),
    ("not_held", 80),
    ("late_answer", 120),
    ("extended", 12),
    ("open", 2),
    ("open_warn", 8),
    ("open_late", 16),
]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(text.FIRST_NAMES), rng.choice(text.LAST_NAMES)
    return f"{first} {last}", f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@contoh.id"


def _back(calendar: WorkingCalendar, day: date, n: int) -> date:
    while n > 0:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            n -= 1
    return day


def _request(rng, calendar, village, seq, state, received, today) -> InfoRequest:
    name, email = _person(rng)
    information, purpose = rng.choice(WANTED)
    info = InfoRequest(
        village=village,
        number=f"PPID-{received.year}-{seq:04d}",
        token=secrets.token_urlsafe(18),
        channel=rng.choice(["web", "web", "walk_in", "letter", "email"]),
        name=name,
        address=f"{rng.choice(text.STREETS)} RT 0{rng.randint(1, 5)}/RW 0{rng.randint(1, 4)}",
        phone=f"+6281{rng.randint(10000000, 99999999)}",
        email=email,
        occupation=rng.choice(OCCUPATIONS),
        id_number=f"3303{rng.randint(10**11, 10**12 - 1)}",
        information=information,
        purpose=purpose,
        obtain=rng.choice(["view", "copy"]),
        format=rng.choice(["soft", "hard"]),
        delivery=rng.choice(["pickup", "email"]),
        received_on=received,
        due_on=calendar.add_working_days(received, 10),
    )
    if state in ("extended", "late_answer"):
        info.extended_on = calendar.add_working_days(received, 8)
        info.extension_reason = "Dokumen masih dihimpun dari arsip kaur keuangan."
        info.due_on = calendar.add_working_days(info.due_on, 7)
    decision = {"late_answer": "granted"}.get(state, state)
    if decision in ANSWERS:
        answer, redaction, ground, holder = ANSWERS[decision]
        days = 22 if state == "late_answer" else rng.randint(3, 10)
        info.decision, info.answer = decision, answer
        info.redaction_reason, info.exemption_ground, info.holder = redaction, ground, holder
        info.decided_on = min(calendar.add_working_days(received, days), today)
        info.response_days = calendar.working_days_between(received, info.decided_on)
    return info


def demo_build(*, rng: random.Random, villages: list[Village], users: dict) -> dict[str, int]:
    desa = [v for v in villages if not v.is_kelurahan]
    today = timezone.localdate()
    calendar = WorkingCalendar(local=frozenset())
    officials: dict[int, list[Official]] = {}
    for o in Official.objects.filter(village__in=desa):
        officials.setdefault(o.village_id, []).append(o)
    profiles, items, requests, notices = [], [], [], []
    for village in desa:
        profiles.append(_profile(village, officials.get(village.pk, [])))
        for year in (today.year - 1, today.year):
            items += _dip(rng, village, year, filled=0.9 if year < today.year else rng.random())
        # Dagan shows every state; the others a random share of them plus routine answers.
        plan = PLAN if village is desa[0] else [p for p in PLAN if rng.random() < 0.7]
        plan = plan + [("granted", rng.randint(15, 200)) for _ in range(rng.randint(0, 6))]
        for seq, (state, ago) in enumerate(sorted(plan, key=lambda p: -p[1]), start=1):
            received = _back(calendar, today, ago + rng.randint(0, 2))
            requests.append(_request(rng, calendar, village, seq, state, received, today))
    PpidProfile.objects.bulk_create(profiles)
    DipItem.objects.bulk_create(items)
    InfoRequest.objects.bulk_create(requests)
    objections = _objections(rng, calendar, requests, today)
    Objection.objects.bulk_create(objections)
    if len(desa) > 2:
        notices = [_notice(desa[2], active=True), _notice(desa[0], active=False)]
        EmergencyNotice.objects.bulk_create(notices)
    return {
        "ppid_requests": len(requests),
        "ppid_objections": len(objections),
        "dip_items": len(items),
    }


def _profile(village: Village, officials: list[Official]) -> PpidProfile:
    sekdes = next((o.name for o in officials if "sekretaris" in o.position.lower()), "")
    kades = next((o.name for o in officials if o.position.lower().startswith("kepala")), "")
    return PpidProfile(
        village=village,
        ppid_name=sekdes,
        atasan_name=kades,
        perdes_number=f"Peraturan Kepala Desa {village.name} Nomor 3 Tahun 2024",
        perdes_date=date(2024, 2, 12),
        service_hours="Senin–Kamis 08.00–15.00\nJumat 08.00–11.00",
        procedure="Pemohon mengisi formulir (daring atau di balai desa).\n"
        "PPID mencatat dan memberi nomor registrasi.\n"
        "PPID menjawab paling lambat 10 hari kerja.\n"
        "Bila tidak puas, pemohon mengajukan keberatan kepada Kepala Desa.",
        pledge="Kami siap memberikan informasi publik secara cepat, tepat dan sederhana.",
    )


def _dip(rng: random.Random, village: Village, year: int, *, filled: float) -> list[DipItem]:
    items = []
    for i, c in enumerate(BERKALA):
        item = DipItem(
            village=village,
            year=year,
            category="berkala",
            checklist_key=c.key,
            title=str(c.title),
            summary=str(c.summary),
            responsible=c.responsible,
            page_name=c.page,
            order=i,
            made_on=date(year, 1, 15),
        )
        if not c.page and rng.random() < filled:
            item.link = f"https://jdih.purbalinggakab.go.id/desa/{village.slug}/{c.key}-{year}.pdf"
        items.append(item)
    items.append(
        DipItem(
            village=village,
            year=year,
            category="setiap_saat",
            title="Daftar aset dan inventaris desa",
            responsible="Kaur Umum",
            order=50,
        )
    )
    items.append(
        DipItem(
            village=village,
            year=year,
            category="dikecualikan",
            order=90,
            title="Data pribadi penerima bantuan sosial (NIK, No. KK, alamat)",
            responsible="Kasi Kesejahteraan",
            legal_ground="Pasal 17 huruf h UU 14/2008; UU 27/2022 tentang Pelindungan Data Pribadi",
            consequence_test="Bila dibuka, data dapat disalahgunakan untuk penipuan dan "
            "merugikan hak atas privasi warga penerima.",
        )
    )
    return items


def _objections(rng, calendar, requests: list[InfoRequest], today: date) -> list[Objection]:
    objections = []
    counters: dict[int, int] = {}
    for info in requests:
        if info.decision in ("refused", "partly") or (
            info.decided_on and info.decided_on > info.due_on
        ):
            if rng.random() < 0.5:
                continue
            filed = calendar.add_working_days(info.decided_on, rng.randint(2, 6))
            if filed > today:
                continue
            grounds = {"refused": ["a"], "partly": ["d", "e"]}.get(info.decision, ["g"])
            counters[info.village_id] = counters.get(info.village_id, 0) + 1
            o = Objection(
                village_id=info.village_id,
                request=info,
                grounds=grounds,
                filed_on=filed,
                number=f"KEB-{filed.year}-{counters[info.village_id]:04d}",
                statement="Saya keberatan karena informasi ini menyangkut penggunaan dana publik.",
                due_on=calendar.add_working_days(filed, 30),
            )
            decided = calendar.add_working_days(filed, rng.randint(5, 20))
            if decided <= today:
                o.decision = rng.choice(["upheld", "rejected"])
                o.answer = "Atasan PPID telah memeriksa permohonan dan keberatan Saudara."
                o.decided_on, o.decided_by = decided, "Kepala Desa"
                o.dispute_by = calendar.add_working_days(decided, 14)
            objections.append(o)
    return objections


def _notice(village: Village, *, active: bool) -> EmergencyNotice:
    now = timezone.now()
    return EmergencyNotice(
        village=village,
        title="Waspada tanah longsor di Dusun II" if active else "Banjir luapan sungai (selesai)",
        hazard="Retakan tanah sepanjang 40 m di lereng atas permukiman RT 02/RW 04 setelah hujan "
        "lebat tiga hari berturut-turut.",
        affected="Sekitar 25 keluarga di RT 02 dan RT 03 RW 04.",
        evacuation="Mengungsi ke balai desa dan SD Negeri 1 lewat jalan desa arah timur.",
        avoidance="Jangan melintas di bawah lereng saat hujan; matikan listrik bila air masuk.",
        help="Hubungi posko desa di balai desa atau ketua RT setempat.",
        announcer="Kepala Desa",
        channel="Pengeras suara masjid, grup WhatsApp RT, dan situs desa",
        authority_actions="BPBD Kabupaten meninjau lokasi; desa menyiapkan dapur umum.",
        started_at=now - timedelta(days=1 if active else 40),
        ended_at=None if active else now - timedelta(days=35),
    )


def demo_clear(*, village_ids: set[int]) -> None:
    Objection.objects.filter(village__in=village_ids).delete()
    InfoRequest.objects.filter(village__in=village_ids).delete()
    EmergencyNotice.objects.filter(village__in=village_ids).delete()
    DipItem.objects.filter(village__in=village_ids).delete()
    PpidProfile.objects.filter(village__in=village_ids).delete()
